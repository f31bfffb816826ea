"""analysis: Arabic news coverage of diplomacy as Polars tables."""

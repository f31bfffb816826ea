"""``make evaluate``: score people and places against annotated text.

Two gold sets:

* ANERcorp's test split (``data/raw/anercorp_camel``, shipped, CC BY-SA 4.0; kept out of the word
  statistics): 925 sentences of 2007 news, persons and locations tagged token by token
  (``anercorp_scores``). Runs anywhere; the test suite pins floors on it.
* hand annotations of 36 development articles (2015 and 2018 diplomacy news), and of the held-out
  sets next to them (``HELDOUT_SETS``: each built on its own):

The gold set (``data/eval/gold_entities.jsonl``, see ``data/eval/README.md``) holds offsets and
names only; the articles themselves are research corpora that are not shipped. The evaluation
looks for them under ``--corpora`` (default ``../shared/corpora``) and says so when they are absent.

Scores, per kind (person, place):

* **mentions**: a predicted mention is right when it overlaps a gold mention of the same kind
  (one-to-one, a clitic fused with the article makes exact spans differ by a letter);
* **entities**: per article, the set of English names found vs the gold set, names compared
  after lowercasing and dropping everything but letters (so "Kim Jong-un" = "Kim Jong Un").
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import polars as pl

from .corpus import read_corpus
from .errors import AnalysisError
from .lexicon import read_conll

__all__ = ["run_evaluation", "score_mentions", "score_entities", "predicted_mentions", "anercorp_scores", "anercorp_gold"]

ANERCORP_TEST = Path("data/raw/anercorp_camel/ANERCorp_CamelLab_test.txt")
ANERCORP_KINDS = {"PERS": "person", "LOC": "place"}

CORPUS_FILES = {
    "ant_meetings": "ant_meetings/ant_meeting_articles.jsonl",
    "saudinewsnet_meetings": "saudinewsnet_meetings/saudinewsnet_meeting_articles.jsonl",
}
KINDS = ("person", "place")


def _f1(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "predicted": n_pred, "gold": n_gold}


def score_mentions(predicted: pl.DataFrame, gold: pl.DataFrame, kind: str, *, named: bool = False) -> dict[str, float]:
    """Overlap-based one-to-one matching of (doc_id, start, end) spans of one kind; with ``named``,
    a pair counts only when its English names are the same (``same_name``)."""
    names = [pl.col("name_en").fill_null("")] if named else [pl.lit("").alias("name_en")]
    p = predicted.filter(pl.col("kind") == kind).select("doc_id", "start", "end", *names).with_row_index("p")
    g = gold.filter(pl.col("kind") == kind).select("doc_id", "start", "end", *names).with_row_index("g")
    pairs = p.join(g, on="doc_id", suffix="_g").filter((pl.col("start") < pl.col("end_g")) & (pl.col("start_g") < pl.col("end")))
    used_p, used_g, tp = set(), set(), 0
    for pi, gi, name, gold_name in pairs.sort("p", "g").select("p", "g", "name_en", "name_en_g").iter_rows():
        if named and not same_name(name, gold_name):
            continue
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
            tp += 1
    return _f1(tp, p.height, g.height)


def _key(name: str) -> str:
    """A name compared loosely: accents folded, lowercase letters only ("Najrān" = "Najran")."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z]", "", folded.lower())


def _folded_words(name: str) -> list[str]:
    """The words of a name, accents folded, lower case: "Faisal bin Bandar Al Saud" -> faisal, bin, bandar, al, saud."""
    folded = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode("ascii").lower()
    # an apostrophe for ayn or hamza is inside the word: "Ma'rib" = "Marib"
    return [w for w in re.split(r"[^a-z]+", re.sub(r"(?<=[a-z])['`](?=[a-z])", "", folded)) if w]


def _words(name: str) -> list[str]:
    return [w for w in _folded_words(name) if w not in ("al", "el", "bin", "ibn", "the")]


def _skeleton(word: str) -> str:
    """The consonants of a romanized word, doubled letters once, after its first letter if that is a
    vowel: the spellings of one Arabic name ("Nayef" = "Naif", "Attiyah" = "Attia") meet; a key of
    fewer than two letters is the word itself."""
    consonants = re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyhw]", "", word.replace("q", "k")))
    key = (word[0] if word[0] in "aeiou" else "") + consonants
    return key if len(key) >= 2 else word


def _given_and_father(name: str) -> tuple[str, str] | None:
    """The skeletons of a patronymic name's given name and father's name ("Faisal bin Bandar ..."), else None."""
    words = _folded_words(name)
    if len(words) >= 3 and words[1] in ("bin", "ibn", "bint"):
        return _skeleton(words[0]), _skeleton(words[2])
    return None


def same_name(a: str, b: str) -> bool:
    """Loose comparison of two English names: same last word, or one's words all in the other
    ("Sarah Sanders" = "Sarah Huckabee Sanders", "Salman bin Abdulaziz" = "Salman bin Abdulaziz Al Saud"),
    or two patronymic names of the same given name and father, whatever follows ("Faisal bin Bandar
    bin Abdulaziz", by his grandfather, = "Faisal bin Bandar Al Saud", by his family); words compared
    by ``_skeleton`` (romanizations of one Arabic name differ in vowels)."""
    wa, wb = [_skeleton(w) for w in _words(a)], [_skeleton(w) for w in _words(b)]
    if not wa or not wb:
        return False
    if wa[-1] == wb[-1] or set(wa) <= set(wb) or set(wb) <= set(wa):
        return True
    lineage = _given_and_father(a)
    return lineage is not None and lineage == _given_and_father(b)


def score_entities(predicted: pl.DataFrame, gold: pl.DataFrame, kind: str) -> dict[str, float]:
    """Per-article sets of English names of one kind."""
    def sets(frame: pl.DataFrame) -> set[tuple[str, str]]:
        return {(d, _key(n)) for d, n in frame.filter(pl.col("kind") == kind).select("doc_id", "name_en").iter_rows() if n}

    p, g = sets(predicted), sets(gold)
    return _f1(len(p & g), len(p), len(g))


def predicted_mentions(tables) -> pl.DataFrame:
    """(doc_id, start, end, kind, surface, name_en) of the people and places in built tables."""
    names = pl.concat(
        [
            tables.actors.select(pl.col("actor_id").alias("entity_id"), "name_en"),
            tables.places.select(pl.col("place_id").alias("entity_id"), "name_en"),
        ]
    )
    return tables.mentions.filter(pl.col("entity_kind").is_in(list(KINDS))).join(names, on="entity_id", how="left").select(
        "doc_id", "start", "end", pl.col("entity_kind").alias("kind"), "surface", "name_en"
    )


def _iob_spans(words: list[str], tags: list[str]) -> tuple[str, list[tuple[int, int, str]]]:
    """Join tokens with spaces; return the text and its (start, end, type) entity spans."""
    text, spans, current = "", [], None
    for word, tag in zip(words, tags):
        text += " " if text else ""
        start, end = len(text), len(text) + len(word)
        text += word
        kind = tag[2:] if tag != "O" else None
        continues = tag.startswith("I-") and current is not None and current[2] == kind
        if continues:
            current = (current[0], end, kind)
            continue
        if current:
            spans.append(current)
        current = (start, end, kind) if kind else None
    if current:
        spans.append(current)
    return text, spans


def anercorp_gold(path: Path = ANERCORP_TEST) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(documents, gold) from an IOB2 file: one document per sentence, tokens joined by spaces;
    gold spans (doc_id, start, end, kind) of persons and locations."""
    documents, gold = [], []
    for sentence, words, tags in read_conll(path).group_by("sentence", maintain_order=True).agg("token", "tag").iter_rows():
        doc_id = f"anercorp-{sentence:05d}"
        text, spans = _iob_spans(words, tags)
        documents.append((doc_id, text))
        gold += [(doc_id, s, e, ANERCORP_KINDS[k]) for s, e, k in spans if k in ANERCORP_KINDS]
    return (
        pl.DataFrame(documents, schema=["doc_id", "text"], orient="row"),
        pl.DataFrame(gold, schema=["doc_id", "start", "end", "kind"], orient="row"),
    )


def anercorp_scores(path: Path = ANERCORP_TEST) -> pl.DataFrame:
    """Mention scores (person, place) of the pipeline on ANERcorp's test split."""
    from .pipeline import build

    documents, gold = anercorp_gold(path)
    subset = path.parent / ".anercorp.eval.parquet"
    try:
        documents.write_parquet(subset)
        predicted = predicted_mentions(build(subset, workers=1))
    finally:
        subset.unlink(missing_ok=True)
    return pl.DataFrame([{"kind": kind, "level": "mentions", **score_mentions(predicted, gold, kind)} for kind in KINDS])


def _names(tables) -> dict[str, str]:
    return dict(
        pl.concat(
            [tables.actors.select("actor_id", "name_en"), tables.places.select(pl.col("place_id").alias("actor_id"), "name_en")]
        ).iter_rows()
    )


def gold_identities(tables, gold: pl.DataFrame) -> dict[tuple[str, str], str]:
    """(doc_id, actor_id) -> the gold English name of the person that actor's mentions annotate.

    A person the package discovered gets its own transliteration ("Armando Farikio" for the
    annotator's "Armando Varricchio"); who met whom is about who the person is, not how the
    name is spelled, so an actor is taken as the gold person its mentions in that article overlap
    most (``gold``: the entity annotations, with doc_id, start, end, kind, name_en).
    """
    persons = gold.filter(pl.col("kind") == "person").select("doc_id", pl.col("start").alias("_gs"), pl.col("end").alias("_ge"), pl.col("name_en").alias("_gold"))
    found = tables.mentions.filter(pl.col("entity_kind") == "person").select("doc_id", "start", "end", "entity_id")
    overlaps = found.join(persons, on="doc_id").filter((pl.col("start") < pl.col("_ge")) & (pl.col("_gs") < pl.col("end")))
    best = overlaps.group_by("doc_id", "entity_id", "_gold").len().sort("doc_id", "entity_id", "len", "_gold", descending=[False, False, True, False])
    return {(d, e): g for d, e, g in best.unique(["doc_id", "entity_id"], keep="first").select("doc_id", "entity_id", "_gold").iter_rows()}


def article_statuses(meeting_mentions: pl.DataFrame) -> dict[tuple[str, str], str]:
    """(doc_id, meeting_id) -> the status an article states for a meeting: of its mentions with an
    explicit status, the first in ``meetings.STATUS_ORDER`` (held before planned before called off),
    as ``meetings`` combines an article's mentions. Meetings an article states no status of are left out."""
    from .meetings import STATUS_ORDER

    stated = meeting_mentions.filter(pl.col("explicit") & pl.col("meeting_id").is_not_null()).with_columns(
        pl.col("status").replace_strict(STATUS_ORDER, default=len(STATUS_ORDER), return_dtype=pl.Int8).alias("_order")
    )
    first = stated.sort("doc_id", "meeting_id", "_order").unique(["doc_id", "meeting_id"], keep="first")
    return {(d, m): s for d, m, s in first.select("doc_id", "meeting_id", "status").iter_rows()}


def predicted_pairs(tables, identities: dict[tuple[str, str], str] | None = None) -> pl.DataFrame:
    """(doc_id, actor_a, actor_b) of held or planned meetings as each article reports them (English
    names; ``identities`` from ``gold_identities`` names an actor as the gold set does).

    One row for every pair of every meeting an article reports, as the gold files count them
    (``data/eval/MEETINGS_QUOTES.md``: rows are not de-duplicated, so two meetings of the same
    people in one article are two rows, a held one and a planned one among them)."""
    names = _names(tables)
    identities = identities or {}
    rows = set()
    mentions = tables.meeting_mentions.filter(pl.col("meeting_id").is_not_null())
    participants = dict(tables.meetings.select("meeting_id", "participants").iter_rows())
    statuses = dict(tables.meetings.select("meeting_id", "status").iter_rows())
    # the status the article itself states, where it states one: the summit an article reports as
    # called off is not one it reports as planned, though later coverage plans it again
    stated = article_statuses(mentions)
    for doc_id, meeting_id in mentions.select("doc_id", "meeting_id").unique().iter_rows():
        if stated.get((doc_id, meeting_id), statuses.get(meeting_id)) not in ("held", "planned"):
            continue
        people = sorted({identities.get((doc_id, p), names.get(p, p)) for p in participants[meeting_id]})
        rows |= {(doc_id, meeting_id, a, b) for i, a in enumerate(people) for b in people[i + 1 :]}
    return pl.DataFrame(
        [(d, a, b) for d, _, a, b in sorted(rows)], schema={"doc_id": pl.String, "actor_a": pl.String, "actor_b": pl.String}, orient="row"
    )


def capital_states() -> dict[str, str]:
    """English name of each national capital -> its state's English name, from the shipped places
    (``reference.capital_cities``): "Pyongyang" -> "North Korea"."""
    from .reference import capital_cities, load_reference

    places = load_reference().places
    names = dict(places.select("place_id", "name_en").iter_rows())
    return {names[capital]: names[state] for capital, state in capital_cities(places).iter_rows()}


def _as_state(name: str, capitals: dict[str, str]) -> str:
    """The state a gold capital stands for, also under a qualified spelling ("Washington, D.C."
    is the "Washington" of the shipped places); any other name as it is."""
    return capitals.get(name) or capitals.get(name.split(",")[0].strip(), name)


def score_pairs(predicted: pl.DataFrame, gold: pl.DataFrame, capitals: dict[str, str] | None = None) -> dict[str, float]:
    """Who met whom per article: pairs of English names (compared with ``same_name``), held and planned meetings.

    The annotators keep a metonymic capital as written ("talks between Pyongyang and Seoul"), where
    the package names the state it stands for (``meetings``: capitals as sides); ``capitals``
    (``capital_states()``) maps a gold capital to its state before the names are compared."""
    capitals = capitals or {}
    g = [
        (d, _as_state(a, capitals), _as_state(b, capitals))
        for d, a, b, status in gold.select("doc_id", "actor_a", "actor_b", "status").iter_rows()
        if status in ("held", "planned")
    ]
    p = list(predicted.iter_rows())
    used, tp = set(), 0
    for gd, ga, gb in g:
        for i, (pd, pa, pb) in enumerate(p):
            if i in used or pd != gd:
                continue
            if (same_name(ga, pa) and same_name(gb, pb)) or (same_name(ga, pb) and same_name(gb, pa)):
                used.add(i)
                tp += 1
                break
    return _f1(tp, len(p), len(g))


def score_quotes(tables, gold: pl.DataFrame) -> dict[str, float]:
    """Quotations found (overlapping a gold quotation) with the right speaker (or both anonymous)."""
    names = _names(tables)
    predicted = tables.quotes.select("doc_id", "start", "end", "speaker_id", "speaker_kind").with_row_index("p")
    g = gold.select("doc_id", "start", "end", "speaker", "anonymous").with_row_index("g")
    pairs = predicted.join(g, on="doc_id", suffix="_g").filter((pl.col("start") < pl.col("end_g")) & (pl.col("start_g") < pl.col("end")))
    right = set()
    used = set()
    for pi, gi, speaker_id, kind, speaker, anonymous in pairs.sort("p", "g").select("p", "g", "speaker_id", "speaker_kind", "speaker", "anonymous").iter_rows():
        if pi in used or gi in {r[1] for r in right}:
            continue
        same = (kind == "anonymous" and anonymous) or (speaker is not None and speaker_id is not None and same_name(names.get(speaker_id, speaker_id), speaker))
        if same:
            right.add((pi, gi))
            used.add(pi)
    return _f1(len(right), predicted.height, g.height)


# held-out annotations, each set scored on its own lines: the first set was
# read while its errors were fixed; the second was annotated blind and its errors were not read;
# the third (dev 2), the fourth (dev 3), the fifth (dev 4), the sixth (dev 5), the seventh (dev 6), the
# eighth (dev 7), the ninth (dev 8), the tenth (dev 9), the eleventh (dev 10), the twelfth (dev 11) and
# the thirteenth (dev 12) were each scored once blind, then read as development articles
HELDOUT_SETS = {
    # label -> (its meetings' pairs, its people and places or None), files in data/eval
    "held out": ("heldout_pairs.csv", None),
    "held out 2, blind": ("heldout2_pairs.csv", "heldout2_entities.jsonl"),
    "dev 2": ("dev2_pairs.csv", "dev2_entities.jsonl"),
    "dev 3": ("dev3_pairs.csv", "dev3_entities.jsonl"),
    "dev 4": ("dev4_pairs.csv", "dev4_entities.jsonl"),
    "dev 5": ("dev5_pairs.csv", "dev5_entities.jsonl"),
    "dev 6": ("dev6_pairs.csv", "dev6_entities.jsonl"),
    "dev 7": ("dev7_pairs.csv", "dev7_entities.jsonl"),
    "dev 8": ("dev8_pairs.csv", "dev8_entities.jsonl"),
    "dev 9": ("dev9_pairs.csv", "dev9_entities.jsonl"),
    "dev 10": ("dev10_pairs.csv", "dev10_entities.jsonl"),
    "dev 11": ("dev11_pairs.csv", "dev11_entities.jsonl"),
    "dev 12": ("dev12_pairs.csv", "dev12_entities.jsonl"),
}


def _built(corpora: Path, folder: Path, wanted: pl.DataFrame) -> list[tuple[object, str]]:
    """(tables, corpus) of the articles ``wanted`` (corpus, doc_id), built from the corpora files."""
    from .pipeline import build

    built = []
    for corpus, relative in CORPUS_FILES.items():
        path = corpora / relative
        ids = wanted.filter(pl.col("corpus") == corpus)["doc_id"].unique()
        if ids.len() == 0:
            continue
        if not path.is_file():
            raise AnalysisError(f"the annotated corpus {path} is missing; pass --corpora with the folder that holds {relative}.")
        documents = read_corpus(path).filter(pl.col("doc_id").is_in(ids.implode()))
        subset = folder / f".{corpus}.eval.parquet"
        try:
            documents.write_parquet(subset)
            built.append((build(subset, workers=1), corpus))
        finally:
            subset.unlink(missing_ok=True)
    return built


def evaluate(gold_file: Path, corpora: Path) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Build the annotated articles and score them; returns (scores, predicted, gold).

    The held-out sets next to ``gold_file`` (``HELDOUT_SETS``: meetings annotated in articles that were
    not read while the rules were written) are scored too, each on its own line."""
    gold = pl.read_ndjson(gold_file)
    folder = Path(gold_file).parent
    pairs_file, quotes_file = folder / "gold_pairs.csv", folder / "gold_quotes.jsonl"
    extra_rows = _built(corpora, folder, gold.select("corpus", "doc_id"))
    predicted_parts = [predicted_mentions(tables) for tables, _ in extra_rows]
    predicted = pl.concat(predicted_parts)
    rows = []
    capitals = capital_states()
    if pairs_file.is_file():
        gold_pairs = pl.read_csv(pairs_file)
        found = pl.concat([predicted_pairs(t, gold_identities(t, gold)) for t, _ in extra_rows])
        rows.append({"kind": "who met whom", "level": "pairs", **score_pairs(found, gold_pairs, capitals)})
    # each held-out set is built on its own: meetings merge across the articles of one build, and
    # the participants of a merged meeting are every article's
    for label, (pairs_name, entities_name) in HELDOUT_SETS.items():
        heldout = pl.read_csv(folder / pairs_name) if (folder / pairs_name).is_file() else None
        entities = pl.read_ndjson(folder / entities_name) if entities_name and (folder / entities_name).is_file() else None
        if heldout is None and entities is None:
            continue
        wanted = pl.concat([frame.select("corpus", "doc_id") for frame in (heldout, entities) if frame is not None]).unique()
        built = _built(corpora, folder, wanted)
        if heldout is not None:
            found = pl.concat([predicted_pairs(t) for t, _ in built])
            rows.append({"kind": f"who met whom ({label})", "level": "pairs", **score_pairs(found, heldout, capitals)})
        if entities is not None:
            mentioned = pl.concat([predicted_mentions(t) for t, _ in built])
            for kind in KINDS:
                rows.append({"kind": f"{kind} ({label})", "level": "mentions", **score_mentions(mentioned, entities, kind)})
                rows.append({"kind": f"{kind} ({label})", "level": "named mentions", **score_mentions(mentioned, entities, kind, named=True)})
    if quotes_file.is_file():
        gold_quotes = pl.read_ndjson(quotes_file)
        totals = {"tp": 0, "predicted": 0, "gold": 0}
        for tables, corpus in extra_rows:
            part = score_quotes(tables, gold_quotes.filter(pl.col("corpus") == corpus))
            for k in totals:
                totals[k] += part[k]
        rows.append({"kind": "quotes", "level": "speaker", **_f1(totals["tp"], totals["predicted"], totals["gold"])})
    for kind in KINDS:
        for level, scorer in (("mentions", score_mentions), ("entities", score_entities)):
            rows.append({"kind": kind, "level": level, **scorer(predicted, gold, kind)})
    return pl.DataFrame(rows), predicted, gold  # rows: entity scores, then pairs and quotes


def run_evaluation(gold_dir: Path, corpora: Path = Path("../shared/corpora")) -> int:
    """Print the scores; exit status 0 (the floors are enforced by tests, not here)."""
    gold_file = gold_dir / "gold_entities.jsonl"
    if not gold_file.is_file():
        raise AnalysisError(f"no gold annotations at {gold_file}.")
    with pl.Config(tbl_rows=-1, float_precision=3):
        print("ANERcorp test split (2007 news, shipped):")
        print(anercorp_scores())
        if not corpora.is_dir():
            print(f"development articles skipped: the annotated corpora are not at {corpora} (research licences: not shipped).")
            return 0
        scores, _, _ = evaluate(gold_file, corpora)
        print("hand-annotated development articles (2015, 2018 diplomacy news):")
        print(scores)
    return 0

"""Article files and folders to Documents: formats, front matter, page furniture, datelines, errors.

Formats: `.txt`/`.md` (optional `---` front matter with title, outlet, published, url), `.json` (one
record or a list of records with `text`), `.jsonl` (one record per line). Anything a user can get
wrong becomes a ReadError with a one-line reason; good records in the same file are still read.

Cleaning (read_text), in order:
1. Control characters, terminal escape sequences, bidi overrides and NUL are removed; NFC.
2. Lines are grouped into paragraphs: blank lines separate paragraphs; inside a block, each line is
   its own paragraph unless the block is hard-wrapped prose (then lines are joined).
3. Page furniture is dropped: share/subscribe words, "Keep reading:"-style markers (and the headline
   list after them), bylines, timestamps, bare outlet names (which also give Document.outlet), photo
   credits, tag lists ("Mercenaries, Wagner Group, Russia."), short labels the next line repeats,
   "(With information from ...)" notes, copyright lines, hashtag/emoji/URL-only lines.
4. Captions: a paragraph that carries a photo credit, or that follows a dropped label line, is a
   caption. It is kept (credit stripped, offsets in Document.captions) when it states a fact - it
   names a date, or a place ("in Lviv") in a sentence of 8+ words - and dropped otherwise.
5. Title: front matter, else a headline-like first paragraph (short, no closing punctuation); it is
   removed from the body, and so is any later repeat of it. A standfirst right after it is kept,
   unless it is a near-duplicate summary of the body (>= 75% of its content words recur later and
   it has no closing punctuation, or >= 90% regardless): then it is dropped as furniture.
6. Dateline ("KYIV, Ukraine (AP) —", "Kyiv, March 3 (Reuters) -") is cut from the first paragraph;
   it gives dateline_place, the agency as outlet when none is known, and a date. Live-blog time
   prefixes ("14:32 GMT —") are cut from every paragraph.
7. Published: front matter/record, else a timestamp line ("Published: 27 March 2022"), else the
   dateline date; a dateline without a year takes it from the latest full date in the text
   (published_inferred=True), else the latest full date in the text (published_inferred=True);
   None when nothing supports a date.
Document.id: sha256 of the text with whitespace collapsed (NFC, case kept), first 16 hex digits.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import orjson

from sitdash.ingest.dates import (
    find_dates,
    infer_published,
    latest_day_in_month,
    latest_year,
    on_or_after,
    year_from_weekday,
)
from sitdash.ingest.sentences import split_sentences
from sitdash.model import Document
from sitdash.safe_text import one_line, sanitise

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".json", ".jsonl")
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(slots=True)
class ReadError:
    """A file (or one record in it) that could not be read, and why, in one line."""

    path: str
    reason: str


@dataclass(slots=True)
class ReadResult:
    documents: list[Document] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)


# --------------------------------------------------------------------------- files and folders


def path_text(path: str | os.PathLike) -> str:
    """A path as valid UTF-8 text: bytes a file name holds that are not UTF-8 become \\xNN."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")


def read_path(path: str | os.PathLike) -> ReadResult:
    """Every article under `path` (a file or a folder, recursively, in sorted order)."""
    result = ReadResult()
    root = Path(path)
    if root.is_dir():
        _read_folder(root, result, set())
    elif root.is_file():
        _read_file(root, result, explicit=True)
    elif root.exists():  # a pipe, socket or device: never read (it may never end)
        result.errors.append(ReadError(path_text(root), "not a regular file or folder"))
    elif root.is_symlink():
        result.errors.append(ReadError(path_text(root), "broken symbolic link"))
    else:
        result.errors.append(ReadError(path_text(root), "no such file or folder"))
    return result


def _read_folder(folder: Path, result: ReadResult, seen: set[str]) -> None:
    real = os.path.realpath(folder)
    if real in seen:  # a symlink back to a folder already read: a loop or a duplicate
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        result.errors.append(ReadError(path_text(folder), f"cannot open folder ({exc.strerror})"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError as exc:  # e.g. a symlink pointing to itself
            result.errors.append(ReadError(path_text(entry.path), f"cannot open ({exc.strerror})"))
            continue
        if is_dir:
            _read_folder(child, result, seen)
        elif child.suffix.lower() in ARTICLE_SUFFIXES:
            if is_file:
                _read_file(child, result, explicit=False)
            elif entry.is_symlink():
                result.errors.append(ReadError(path_text(entry.path), "broken symbolic link"))


def _read_file(path: Path, result: ReadResult, explicit: bool) -> None:
    where = path_text(path)
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        if explicit:
            expected = ", ".join(ARTICLE_SUFFIXES)
            result.errors.append(ReadError(where, f"not an article file (expected {expected})"))
        return
    try:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        if path.stat().st_size > MAX_FILE_BYTES:
            result.errors.append(ReadError(where, f"file too large (over {limit} MB)"))
            return
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # bounded even if the file grew since stat
        if len(data) > MAX_FILE_BYTES:
            result.errors.append(ReadError(where, f"file too large (over {limit} MB)"))
            return
    except OSError as exc:
        result.errors.append(ReadError(where, f"cannot read ({exc.strerror})"))
        return
    _read_data(data, suffix, where, result)


def _read_data(data: bytes, suffix: str, where: str, result: ReadResult,
               meta: dict[str, str] | None = None) -> None:
    """The articles in a file's bytes, read as its suffix says; `meta` overrides front matter."""
    text, reason = decode_bytes(data)
    if text is None:
        result.errors.append(ReadError(where, reason))
        return
    if suffix == ".json":
        _read_json(text, where, result)
    elif suffix == ".jsonl":
        _read_jsonl(text, where, result)
    else:
        front, body = split_front_matter(text)
        if not body.strip():
            result.errors.append(ReadError(where, "no article text after the front matter"))
            return
        _add_document(body, {**front, **(meta or {})}, where, result, prefix="")


STDIN = "standard input"


def read_article(data: bytes | str, where: str = STDIN,
                 meta: dict[str, str | None] | None = None) -> ReadResult:
    """One article that is not a file (standard input, a paste): the rules of a `.txt` file
    (front matter allowed, size limit, UTF-8, no binary) with errors named after `where`.
    Non-empty `meta` values (title, outlet, published, url) win over its front matter."""
    result = ReadResult()
    # lone surrogates (a broken paste) stay bytes UTF-8 refuses: "not UTF-8 text", not a crash
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        result.errors.append(ReadError(where, f"too large (over {limit} MB)"))
        return result
    given = {key: value for key, value in (meta or {}).items() if value}
    _read_data(raw, ".txt", where, result, given)
    for doc in result.documents:
        doc.path = None  # not a file: no path, so no "new version of the same file" either
    return result


def read_stream(stream) -> ReadResult:
    """One article from a binary stream (standard input), read to its end, bounded in size."""
    return read_article(stream.read(MAX_FILE_BYTES + 1), STDIN)


def decode_bytes(data: bytes) -> tuple[str | None, str]:
    """(text, "") for UTF-8 (BOM optional) or UTF-16/32 with a BOM; (None, reason) otherwise."""
    if not data.strip():
        return None, "empty file"
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                return None, f"not valid {codec.upper()} text (bad bytes at offset {exc.start})"
            return (text, "") if text.strip() else (None, "empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        return None, "binary file (contains NUL bytes)"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
    return (text, "") if text.strip() else (None, "empty file")


# --------------------------------------------------------------------------- front matter, JSON

# Accepted spellings of the metadata fields, in records and front matter.
_META_KEYS = {
    "title": "title", "headline": "title",
    "outlet": "outlet", "source": "outlet", "publisher": "outlet", "site_name": "outlet",
    "published": "published", "date": "published", "published_at": "published",
    "publication_date": "published", "pubdate": "published", "datepublished": "published",
    "url": "url", "link": "url", "canonical": "url",
}  # fmt: skip
_TEXT_KEYS = ("text", "body", "content")
MAX_JSON_DEPTH = 256
_JSON_TOKEN_RE = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}]')  # strings skipped whole
_FRONT_MATTER_RE = re.compile(
    r"\A[ \t]*---[ \t]*\r?\n(.{0,8000}?)\r?\n[ \t]*(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_META_LINE_RE = re.compile(r"^([A-Za-z_][\w -]{0,40}):(?:\s+(.*))?$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(metadata, body) for a text that may open with a `---` block of `key: value` lines."""
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return {}, text
    meta = {}
    for line in m.group(1).splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kv = _META_LINE_RE.match(line)
        if not kv:
            return {}, text  # not front matter after all, e.g. a horizontal rule
        key = _META_KEYS.get(kv.group(1).strip().lower().replace("-", "_").replace(" ", "_"))
        value = (kv.group(2) or "").strip().strip("\"'").strip()
        if key and value and key not in meta:
            meta[key] = value
    return meta, text[m.end() :]


def _record_meta(record: dict) -> dict[str, str]:
    meta = {}
    for raw_key, value in record.items():
        key = _META_KEYS.get(str(raw_key).lower())
        if isinstance(value, dict):
            value = value.get("name")
        if key and isinstance(value, str) and value.strip() and key not in meta:
            meta[key] = value.strip()
    return meta


def _record_text(record: dict) -> str | None:
    for key in _TEXT_KEYS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _read_record(record, where: str, result: ReadResult, prefix: str) -> None:
    if not isinstance(record, dict):
        result.errors.append(ReadError(where, f"{prefix}JSON record is not an object"))
        return
    text = _record_text(record)
    if text is None:
        result.errors.append(ReadError(where, f"{prefix}JSON record has no 'text'"))
        return
    _add_document(text, _record_meta(record), where, result, prefix)


def _nested_too_deep(text: str) -> bool:
    """True when brackets nest deeper than MAX_JSON_DEPTH (orjson 3.8 can crash on such input)."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return False
    depth = 0
    for token in _JSON_TOKEN_RE.finditer(text):
        char = token.group()
        if char in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return True
        elif char in "]}":
            depth -= 1
    return False


def _parse_json(text: str):
    """The parsed value, or raise ValueError with a one-line reason."""
    if _nested_too_deep(text):
        raise ValueError(f"not valid JSON: nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        return orjson.loads(text)
    except (orjson.JSONDecodeError, RecursionError, ValueError) as exc:
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise ValueError(f"not valid JSON: {detail}") from None


def _read_json(text: str, where: str, result: ReadResult) -> None:
    try:
        value = _parse_json(text)
    except ValueError as exc:
        result.errors.append(ReadError(where, str(exc)))
        return
    if isinstance(value, list):
        if not value:
            result.errors.append(ReadError(where, "JSON list has no records"))
        for index, record in enumerate(value, start=1):
            _read_record(record, where, result, prefix=f"record {index}: ")
    else:
        _read_record(value, where, result, prefix="")


def _read_jsonl(text: str, where: str, result: ReadResult) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = _parse_json(line)
        except ValueError as exc:
            result.errors.append(ReadError(where, f"line {number}: {exc}"))
            continue
        _read_record(record, where, result, prefix=f"line {number}: ")


# Extraction time grows with the square of a sentence's length, so one endless sentence (a 1 MB
# line without a full stop) would stall an ingest for hours: it is refused, not prose.
MAX_SENTENCE = 6000
_LONG_PARAGRAPH_RE = re.compile(rf"[^\n]{{{MAX_SENTENCE + 1}}}")


def longest_sentence(text: str) -> int:
    """Length of the longest sentence; only split when some paragraph could hold a long one."""
    if not _LONG_PARAGRAPH_RE.search(text):
        return 0
    return max((span.end - span.start for span in split_sentences(text)), default=0)


def _add_document(text: str, meta: dict, where: str, result: ReadResult, prefix: str) -> None:
    doc = read_text(text, path=where, **meta)
    if not doc.text:
        result.errors.append(ReadError(where, f"{prefix}no article text left after cleaning"))
    elif (longest := longest_sentence(doc.text)) > MAX_SENTENCE:
        result.errors.append(ReadError(where, f"{prefix}not article prose: a sentence of "
                                       f"{longest} characters (the limit is {MAX_SENTENCE})"))
    else:
        result.documents.append(doc)


# --------------------------------------------------------------------------- paragraphs

_MD_IMAGE_RE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)")
_MD_LINK_RE = re.compile(r"\[([^\]\n]{1,300})\]\((?:https?://|/|#)[^)\s]{0,500}\)")
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_SYMBOL_CATEGORIES = frozenset({"So", "Sk", "Cf", "Mn", "Cs", "Co"})
_TERMINAL = tuple('.!?…:;"”’»)')


def _strip_leading_symbols(line: str) -> str:
    """Drop emoji and pictographs opening a line ("❗️Over the past day ...")."""
    i = 0
    while i < len(line) and (
        line[i].isspace() or unicodedata.category(line[i]) in _SYMBOL_CATEGORIES
    ):
        i += 1
    return line[i:]


# Low-high marks as Ukrainian, Russian and German copy prints them: „…“ is “…”.
_LOW_HIGH_QUOTE_RE = re.compile(r"„([^„“”\n]{0,2000}?)[“”]")


def _clean_line(line: str) -> str:
    if "„" in line:
        line = _LOW_HIGH_QUOTE_RE.sub(r"“\1”", line)
    if "[" in line:
        line = _MD_LINK_RE.sub(r"\1", _MD_IMAGE_RE.sub("", line))
    if "**" in line or "__" in line:
        line = _MD_EMPHASIS_RE.sub(r"\2", line)
    line = line.strip()
    if line and not line[0].isalnum():
        line = _strip_leading_symbols(_MD_HEADING_RE.sub("", line))
    return " ".join(line.split()) if "  " in line else line


def _looks_wrapped(lines: list[str]) -> bool:
    """True for hard-wrapped prose: most lines but the last nearly fill a width of <= 100."""
    width = max(len(line) for line in lines)
    if len(lines) < 2 or not 40 <= width <= 100:
        return False
    if len(lines) >= 3 and all(line[:1].isupper() for line in lines):
        return False  # a list of headlines or summary points, each its own line, not prose
    body = lines[:-1]
    full = sum(len(line) >= 0.7 * width for line in body)
    return full >= 0.6 * len(body) and any(not line.endswith(_TERMINAL) for line in body)


def _block_paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs in one blank-line-separated block: wrapped prose joined, other lines apart."""
    if _looks_wrapped(lines):
        width = max(len(line) for line in lines)
        out, last = [lines[0]], lines[0]
        for line in lines[1:]:
            if len(last) >= 0.6 * width:
                out[-1] += " " + line
            else:
                out.append(line)
            last = line
        return out
    out = [lines[0]]
    for line in lines[1:]:
        if not out[-1].endswith(_TERMINAL) and line[:1].islower():
            out[-1] += " " + line  # a sentence broken over two lines
        else:
            out.append(line)
    return out


def _paragraphs(text: str) -> list[tuple[str, int]]:
    """(paragraph, block number) pairs; a block is a run of non-blank lines."""
    out: list[tuple[str, int]] = []
    block: list[str] = []
    number = 0
    for raw in text.split("\n"):
        line = _clean_line(raw)
        if line:
            block.append(line)
            continue
        if block:
            out.extend((p, number) for p in _block_paragraphs(block))
            block, number = [], number + 1
    if block:
        out.extend((p, number) for p in _block_paragraphs(block))
    return out


# --------------------------------------------------------------------------- furniture

# Outlets whose bare name on a line is page furniture; value = the name to record.
OUTLETS = {
    name.lower(): name
    for name in (
        "Infobae", "Reuters", "AP", "Associated Press", "The Associated Press", "AFP",
        "Agence France-Presse", "EFE", "Agencia EFE", "Europa Press", "CNN", "CNN en Español",
        "BBC", "BBC News", "BBC Mundo", "The Guardian", "Guardian", "The New York Times",
        "New York Times", "The Washington Post", "Washington Post", "Al Jazeera",
        "The Kyiv Independent", "Kyiv Independent", "Kyiv Post", "Ukrainska Pravda", "UNIAN",
        "Ukrinform", "Interfax-Ukraine", "Interfax", "Suspilne", "Hromadske", "Meduza",
        "The Moscow Times", "TASS", "RIA Novosti", "RT", "Sputnik", "NPR", "CNBC", "Fox News",
        "NBC News", "ABC News", "CBS News", "Sky News", "Euronews", "DW", "Deutsche Welle",
        "France 24", "Politico", "Bloomberg", "The Wall Street Journal", "Wall Street Journal",
        "Financial Times", "The Telegraph", "The Independent", "The Times", "The Economist",
        "Axios", "UPI", "The Hill", "Newsweek", "El País", "El Mundo", "La Nación", "Clarín",
        "RFE/RL", "Radio Free Europe/Radio Liberty", "Voice of America", "VOA", "Defense News",
        "Stars and Stripes", "The National", "National News", "Le Monde", "Der Spiegel",
        "Sputnik International", "Sputnik News", "RIA", "Xinhua", "Anadolu Agency", "ANI",
        "Interfax News Agency", "Ukrinform News", "RBC-Ukraine", "Censor.NET", "NV",
        "The New Voice of Ukraine", "Anadolu",
    )
}  # fmt: skip
# Outlet names as space-padded words, to find them inside bylines.
_OUTLET_WORDS = [(" " + re.sub(r"\W+", " ", key) + " ", name) for key, name in OUTLETS.items()]
# Wire tags in datelines, "(AP)" -> outlet.
_AGENCIES = {"ap": "Associated Press", "reuters": "Reuters", "afp": "AFP", "upi": "UPI",
             "cnn": "CNN", "efe": "EFE", "ukrinform": "Ukrinform", "unian": "UNIAN",
             "tass": "TASS", "interfax": "Interfax", "bloomberg": "Bloomberg",
             "sputnik": "Sputnik", "ria novosti": "RIA Novosti", "ria": "RIA Novosti",
             "xinhua": "Xinhua", "anadolu": "Anadolu", "ani": "ANI", "dpa": "dpa",
             "interfax-ukraine": "Interfax-Ukraine", "pti": "PTI", "ians": "IANS"}  # fmt: skip

_SHARE_WORDS = frozenset(
    "guardar share compartir tweet tuitear save logo subscribe suscribirse advertisement "
    "publicidad anuncio facebook twitter whatsapp telegram linkedin email e-mail print imprimir "
    "comment comments comentarios copy link copiar enlace menu menú search buscar close cerrar "
    "listen escuchar video vídeo image imagen photo foto gallery galería more ad sponsored pages "
    "share this article share on facebook share on twitter reddit pinterest messenger x".split()
)
_SHARE_PHRASES = frozenset(
    {"copy link", "share this article", "share this", "sign up", "follow us",
     "listen to this article",
     "skip to content", "skip advertisement", "continue reading", "click here", "show more",
     "ver más", "leer más", "most read", "lo más leído", "you may also like", "also read",
     "newsletter", "sign up for our newsletter", "open in app", "jump to", "key events",
     "back to top", "top stories"}
)  # fmt: skip
# Markers after which scraped pages list related headlines.
_MORE_MARKER_RE = re.compile(
    r"^(?:keep reading|read more|read also|also read|seguir leyendo|sigue leyendo|leer más|"
    r"lee también|lea también|te puede interesar|related(?: articles| stories| coverage| topics)?|"
    r"more on this story|see also|more from \w+|recommended|watch)\s*[:.]?(?P<rest>.*)$",
    re.I,
)
_CALL_TO_ACTION_RE = re.compile(
    r"^(?:subscribe|sign up|follow us|join us|download (?:our|the) app|suscr[ií]bete|síguenos|"
    r"support (?:us|our|independent|ukrainian)|become a (?:patron|member|subscriber)|donate)\b",
    re.I,
)
_SOURCE_NOTE_RE = re.compile(
    r"^\(?\s*(?:with information from|with reporting by|con información de|reporting by|"
    r"additional reporting by|writing by|editing by|compiled by|edited by|our standards:|"
    r"this story has been|this article has been|this (?:article|story) (?:was|is) (?:originally|first) "
    r"published|originally published (?:by|in|on|at)|reprinted with permission|"
    r"(?:©|\(c\)|copyright)\s|all rights reserved)",
    re.I,
)
_IMAGE_LABEL_RE = re.compile(
    r"^(?:image|media|photo|video)\s+(?P<kind>source|caption)\s*[,:]\s*(?P<rest>.*)$", re.I
)
_READ_TIME_RE = re.compile(
    r"\s*(?:\d+\s*min(?:ute)?s?\s+read|reading\s+time\s*:?\s*\d+\s*min(?:ute)?s?)\s*$", re.I
)
_NON_WORD_RE = re.compile(r"\W+")
_BYLINE_RE = re.compile(
    r"^(?:(?:[Ww]ritten|[Rr]eported|[Ee]dited|WRITTEN)\s+)?(?:[Bb]y|BY|[Pp]or|POR)\s+"
    r"(?P<who>[A-ZÁÉÍÓÚ][^.!?]{1,80})$")
_TAG_ITEM = r"[A-ZÁÉÍÓÚ][\w'’-]*(?:\s+(?:[A-ZÁÉÍÓÚ][\w'’-]*|of|in|the|and|on|de|la|el|del))*"
_TAG_LABEL_RE = re.compile(r"^(?:tags|topics|temas)\s*:", re.I)
# "Mercenaries, Wagner Group, Russia." or an author line "Ann Lee, Bo Park, and Cy Dunn"
_TAG_LIST_RE = re.compile(rf"^{_TAG_ITEM}(?:,\s+(?:and\s+)?{_TAG_ITEM})+\.?$")
# Live-blog signposts: "It's 7 a.m. in Kyiv. Here's what you need to know", "Here are the
# latest headlines from the war:".
_LIVE_SIGNPOST_RE = re.compile(
    r"^(?:\s*(?:it['’]?s\s+(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?|noon|midnight)\s+in\s+"
    r"[A-Z][\w'’-]*[.!]?|here(?:['’]s|\s+is|\s+are)\s+(?:what\s+(?:you\s+need\s+to|we)\s+know|"
    r"the\s+latest\b[^.!?]*)[.:!]?))+\s*$",
    re.I,
)
# The signature under an embedded post: "— Defense of Ukraine (@DefenceU) October 1, 2022"
_POST_SIGNATURE_RE = re.compile(r"^[—–-]+\s*[^()\n]{1,80}\(@[\w.]{1,30}\)(?:\s+[^()\n]{0,40})?$")
_WIRE = (r"(?:Reuters|REUTERS|AP|AFP|ANI|Xinhua|XINHUA|UPI|EFE|TASS|Interfax|Ukrinform|UNIAN|dpa|"
         r"DPA|Anadolu|IANS|PTI|Sputnik|Bloomberg)")
# A wire tag closing a prose paragraph: "(ANI/Xinhua)", "(Reuters/ga)": the agency chain, not a
# photo credit, so the paragraph stays prose. A lone "(Reuters)" may credit a photo: left alone.
_WIRE_TAG_RE = re.compile(rf"\s*\(\s*{_WIRE}(?:\s*/\s*(?:{_WIRE}|[a-z]{{1,4}}))+\s*\)\s*$")
# An author's name before a date stamp, as Ukrainian outlets print it.
_AUTHOR_STAMP_RE = re.compile(
    r"^(?P<who>[A-ZÀ-Ž][\w'’.-]+(?:\s+[A-ZÀ-Ž][\w'’.-]+){1,3})\s*[—–|,-]\s*(?P<rest>.{6,60})$"
)
_HANDLE_RE = re.compile(r"\s*@[A-Za-z0-9_]{2,30}\s*")
_NOISE_TOKENS_RE = re.compile(r"(?:[#@][\w.]+|https?://\S+|www\.\S+|t\.me/\S+|[^\w\s])")
_CREDIT_AGENCY = (
    r"(?:REUTERS|Reuters|AP\s+Photo|AP|AFP|EFE|EPA(?:-EFE)?|ANADOLU|Anadolu(?:\s+Agency)?|"
    r"Ukrinform|UNIAN|TASS|Sputnik|RIA\s+Novosti|Getty\s+Images|Getty|dpa|DPA|NurPhoto|"
    r"SOPA\s+Images|Europa\s+Press|Xinhua|Shutterstock|Handout|HANDOUT)"
)
_NAME = r"[A-ZÁÉÍÓÚ][\w.'’-]*(?:\s+[A-ZÁÉÍÓÚ][\w.'’-]*){0,4}"
_CREDIT = (
    rf"(?:{_CREDIT_AGENCY}\s*/\s*{_NAME}(?:\s*/\s*[\w ]{{1,20}})?"
    rf"(?:\s+(?:via|for)\s+Getty\s+Images)?"
    rf"|(?:{_NAME}\s*/\s*)?{_CREDIT_AGENCY}\s+(?:via|for)\s+Getty\s+Images"
    rf"|{_NAME}\s*/\s*(?:{_CREDIT_AGENCY})"
    rf"|(?:(?:Illustrative|Illustration|Archive|File|Cover|Main|Featured)\s+)?"
    rf"(?:[Pp]hoto|Photograph|Photos|Foto|Fotografía|Image|Picture|Credit|Source)s?(?:\s+by)?\s*:\s*[^()\n]{{1,80}}"
    rf"|Photo\s+by\s+[^()\n]{{1,80}})"
)
# A credit closing a line, in brackets or not, plus Reuters' trailing desk codes.
_TRAILING_CREDIT_RE = re.compile(
    rf"(?:^|[\s.,;])(?:\(\s*{_CREDIT}\s*\)|\[\s*{_CREDIT}\s*\]|{_CREDIT})"
    rf"(?:\s+(?:TPX\s+IMAGES\s+OF\s+THE\s+DAY|[A-Z]{{2,}}(?:\s+[A-Z]{{2,}}){{0,4}}))?\s*\.?$"
)
_CREDIT_HINT_RE = re.compile(r"/|Photo|Foto|Image|Getty|Credit|Picture|Source")
_CREDIT_LINE_RE = re.compile(
    rf"^(?:\(\s*{_CREDIT}\s*\)|{_CREDIT}|\(?(?:{_CREDIT_AGENCY}|{_NAME}\s*/\s*{_CREDIT_AGENCY})\)?)$"
)
_FACT_PLACE_RE = re.compile(r"\b(?:in|near|at|outside|over|on)\s+[A-ZÁÉÍÓÚ][a-zà-ÿ]")
_TIMESTAMP_LABEL_RE = re.compile(
    r"^(?P<label>published|updated|last updated|first published|posted|publicado|actualizado|"
    r"modified)?\s*(?:on|at)?\s*:?\s*",
    re.I,
)
_TIMESTAMP_REST_RE = re.compile(
    r"(?:\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?|\b(?:ET|EST|EDT|"
    r"GMT|UTC|BST|CET|CEST|EET|EEST|MSK|PT|PST|PDT|CT|IST|PKT|GST|AZT|AMT|JST|KST|SGT|"
    r"hrs|h|local time|Kyiv time|\d+\s*min(?:ute)?s?\s+read|"
    r"at|on|updated|published|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|"
    r"Wed|Thu|Fri|Sat|Sun)\b|[\s|,·•/()+\-–—:]|\d{1,2}\b)",
    re.I,
)
_DIGIT_RE = re.compile(r"\d")
_TIME_PREFIX_RE = re.compile(
    r"^(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:GMT|UTC|ET|BST|CET|EET|EEST|MSK|local time|"
    r"Kyiv time)?)\s*(?:[—–:|]|--?)\s+(?=\S)",
    re.I,
)
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_PLACE_WORD = r"[A-ZÁÉÍÓÚ][\w'’.-]*"
_DATELINE_RE = re.compile(
    rf"^(?:(?P<place>{_PLACE_WORD}(?:[ -]{_PLACE_WORD}){{0,3}})"
    rf"(?:,\s*(?P<region>{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}}))?\s*,?\s*)?"
    rf"(?P<date>{_MONTH_NAME}\s+\d{{1,2}}(?:,?\s+(?:19|20)\d\d)?|\d{{1,2}}\s+{_MONTH_NAME}(?:,?\s+(?:19|20)\d\d)?"
    r"|\d{1,2}\.\d{1,2}\.(?:19|20)\d\d)?"  # "22.02.2024 - ..."
    r"(?:,?\s+\d{1,2}[:.]\d\d)?"  # "Kyiv, 17 May 2022, 14:25 -"
    rf"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&/-]{{1,28}})\))?\s*(?P<dash>—|–|--|-|:)\s+(?=\S)"
)
_NOT_DATELINE_PLACES = frozenset(
    "NATO US USA UK EU UN OSCE IAEA ISW MOD FSB SBU BREAKING UPDATE LIVE WATCH".split()
)
_KEY_STRIP = " .,:;!?\"'“”‘’«»()[]-–—|"
_CONTENT_WORD_RE = re.compile(r"[^\W_]{3,}|\d+")
_STOPWORDS = frozenset(
    "the and that this with from have has had was were are for not but its his her their they "
    "said says also which who will would been into than then there said more some such".split()
)


def _key(text: str) -> str:
    """Comparison key: casefolded, without surrounding punctuation."""
    return text.casefold().strip(_KEY_STRIP)


def _is_share_furniture(line: str) -> bool:
    if len(line) > 80:
        return False
    key = line.casefold().strip(" :.!|·•-–—")
    if key in _SHARE_WORDS or key in _SHARE_PHRASES:
        return True
    tokens = [t for t in re.split(r"[\s|·•/,]+", key) if t]
    return 1 < len(tokens) <= 8 and all(t in _SHARE_WORDS for t in tokens)


def _headline_like(line: str) -> bool:
    return len(line) <= 200 and not line.endswith(_TERMINAL) and len(line.split()) <= 30


def _outlet_name(line: str) -> str | None:
    return OUTLETS.get(line.strip(" .:|-–—()").casefold()) if len(line) <= 40 else None


def _byline(line: str) -> tuple[str | None, str | None] | None:
    """(outlet, ISO date) named in a byline ("By Jane Doe | Reuters", "by The Kyiv Independent
    news desk April 2, 2022 11:47 PM 2 min read"); None when the line is not a byline."""
    if len(line) > 120 or line.endswith((".", "!", "?")):
        return None
    m = _BYLINE_RE.match(line)
    if not m:
        return None
    who, stamp = m.group("who"), None
    dates = [d for d in find_dates(who, None) if d.precision == "day" and d.date]
    if dates:
        who, stamp = who[: dates[0].start], dates[0].date
    if len(who.split()) > 10:
        return None
    who = f" {_NON_WORD_RE.sub(' ', who.casefold())} "
    found = [name for key, name in _OUTLET_WORDS if key in who]
    return (max(found, key=len) if found else None), stamp


def _is_tag_list(line: str) -> bool:
    """ "Mercenaries, Wagner Group, Russia." or "Tags: ..." - labels, not a sentence."""
    if len(line) > 100:
        return False
    if _TAG_LABEL_RE.match(line):
        return True
    return "," in line and len(line.split()) <= 12 and bool(_TAG_LIST_RE.match(line))


def _is_noise(line: str) -> bool:
    """Hashtags, handles, URLs, emoji and separators only."""
    if line[:1].isalpha() and not line.startswith(("http", "www.", "t.me")):
        return False
    return not _NOISE_TOKENS_RE.sub("", line).strip()


def _strip_credit(line: str) -> tuple[str, bool]:
    """(line without a trailing photo credit, whether one was there)."""
    tail_start = max(0, len(line) - 240)  # a credit is short: never scan a whole long line
    if not _CREDIT_HINT_RE.search(line, tail_start):
        return line, False
    m = _TRAILING_CREDIT_RE.search(line, tail_start)
    if not m:
        return line, False
    return line[: m.start()].rstrip(" ,;-–—") + (
        line[m.start()] if line[m.start()] == "." else ""
    ), True


def _states_fact(caption: str) -> bool:
    """A caption worth keeping names a date, or a place in a full sentence."""
    if find_dates(caption, None):
        return True
    return len(caption.split()) >= 8 and bool(_FACT_PLACE_RE.search(caption))


def _timestamp(line: str) -> tuple[str | None, str] | None:
    """For a line that is only a date stamp: (ISO date or None, label); None for other lines."""
    if len(line) > 80 or not _DIGIT_RE.search(line):
        return None
    line = line.strip("()[] ")
    label_match = _TIMESTAMP_LABEL_RE.match(line)
    rest = line[label_match.end() :]
    # only written calendar dates make a stamp: "March 30", "30.03.2022", not "today" or "Monday"
    mentions = [
        m
        for m in find_dates(rest, None)
        if m.precision in ("day", "unknown") and any(ch.isdigit() for ch in m.text)
    ]
    if not mentions:
        return None
    leftover = rest
    for mention in reversed(mentions):
        leftover = leftover[: mention.start] + leftover[mention.end :]
    if _TIMESTAMP_REST_RE.sub("", leftover).strip():
        return None
    label = (label_match.group("label") or "").lower()
    return mentions[0].date, label


def _dateline_date(
    date_text: str, body: str, month: tuple[int, int] | None = None
) -> tuple[str | None, bool]:
    """(ISO date, inferred) for a dateline's date; a missing year comes from the body's dates:
    the first such day on or after the latest full date the body mentions, else in the latest
    year the body names ("March 30 (UPI) -- ... the 2022 invasion"), else the latest year in
    which the day is the weekday the lead reports ("March 3 (Reuters) - ... on Thursday").
    Each is marked inferred; with none of them, no date."""
    mentions = find_dates(date_text, None)
    if mentions and mentions[0].date:
        return mentions[0].date, False
    latest = infer_published(body)
    if latest is None and month:
        latest = date(month[0], month[1], 1)  # the page's "date 2022-09" line
    if latest is None and (year := latest_year(body)):
        latest = date(year, 1, 1)
    day = on_or_after(date_text, latest) if latest else year_from_weekday(date_text, body)
    return (day.isoformat(), True) if day else (None, False)


# A scraped page's date line opening the text: "date 2022-04-07 Logo", "date 2022-09 The ...",
# "Updated: 01-04-2022 The ministry ...".
_DATE_MARKER_RE = re.compile(
    r"\A\s*(?:date|updated|published|posted)\s*:?\s+(?:"
    r"(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])(?:-(?P<d>0[1-9]|[12]\d|3[01]))?"
    r"|(?P<dmy>\d\d?[-.]\d\d?[-.](?:19|20)\d\d))(?![\d-])"
    r"(?:,?[ \t]+\d\d?:\d\d(?::\d\d)?(?![\d:]))?[ \t]*",  # "Published 17.05.2022 13:45"
    re.I,
)


def split_date_marker(text: str) -> tuple[date | tuple[int, int] | None, str]:
    """(the date a leading "date YYYY-MM-DD" line states, the text without it). The marker is
    the page's metadata, not prose: a full date is the publication date, a bare "YYYY-MM" a
    (year, month) hint. (None, text) when the text opens otherwise."""
    m = _DATE_MARKER_RE.match(text)
    if m is None:
        return None, text
    if m["dmy"]:
        mentions = find_dates(m["dmy"], None)
        if not mentions or not mentions[0].date:
            return None, text
        return date.fromisoformat(mentions[0].date), text[m.end() :]
    year, month = int(m["y"]), int(m["m"])
    try:
        found = date(year, month, int(m["d"])) if m["d"] else (year, month)
    except ValueError:
        return None, text
    return found, text[m.end() :]


def _match_dateline(paragraph: str) -> re.Match | None:
    m = _DATELINE_RE.match(paragraph)
    if not m or m.end() >= len(paragraph):
        return None
    place = m.group("place") or ""
    if m.group("dash") == ":" and not (place.isupper() and not m.group("region")):
        return None  # "MOSCOW: ..." is a dateline, "Kirby: ..." is not
    if m.group("agency") or m.group("date"):
        if m.group("agency") and m.group("agency").lower() not in _AGENCIES and not m.group("date"):
            return None  # "(with video) -" and the like
        return m
    if place.isupper() and len(place) >= 3 and place not in _NOT_DATELINE_PLACES:
        return m
    return None


def _cut_time_prefix(line: str) -> str:
    """ "14:32 GMT — Ukrainian officials say ..." -> "Ukrainian officials say ..."."""
    m = _TIME_PREFIX_RE.match(line) if line[:1].isdigit() else None
    return line[m.end() :] if m else line


def _place_name(raw: str | None) -> str | None:
    if not raw:
        return None
    return raw.title() if raw.isupper() else raw


def _repeats(line: str, other: str) -> bool:
    """Whether most of `line`'s content words recur in `other` (an alt text and its caption)."""
    words = {w for w in _CONTENT_WORD_RE.findall(line.casefold()) if w not in _STOPWORDS}
    if len(words) < 3:
        return False
    other = other.casefold()
    return sum(w in other for w in words) / len(words) >= 0.6


def _is_summary_of(paragraph: str, rest: str) -> bool:
    """A standfirst that only repeats what the body says (kept when it adds anything)."""
    if len(paragraph) > 400:
        return False
    words = {w for w in _CONTENT_WORD_RE.findall(paragraph.casefold()) if w not in _STOPWORDS}
    if len(words) < 4:
        return False
    rest = rest.casefold()
    coverage = sum(w in rest for w in words) / len(words)  # substring test: cheap, close enough
    return coverage >= 0.9 or (coverage >= 0.75 and not paragraph.endswith(_TERMINAL))


# --------------------------------------------------------------------------- documents


@dataclass(slots=True)
class _Cleaned:
    paragraphs: list[str] = field(default_factory=list)
    caption: list[bool] = field(default_factory=list)
    title: str | None = None
    outlet: str | None = None
    wire: str | None = None  # the agency a dateline credits: "(Reuters)"
    stamp: str | None = None  # published date from a timestamp line
    stamp_rank: int = 9  # lower is better: published < unlabelled < updated
    aside_dates: list[str] = field(default_factory=list)  # dropped lines that carry a date

    def add(self, text: str, is_caption: bool = False) -> None:
        self.paragraphs.append(text)
        self.caption.append(is_caption)


def _note_timestamp(found: tuple[str | None, str], out: _Cleaned) -> None:
    iso, label = found
    rank = (
        0
        if label in ("published", "first published", "posted", "publicado")
        else (2 if label in ("updated", "last updated", "actualizado", "modified") else 1)
    )
    if iso and rank < out.stamp_rank:
        out.stamp, out.stamp_rank = iso, rank


def _is_line_furniture(line: str, out: _Cleaned) -> bool:
    """Furniture recognisable from the line alone; outlet and date stamps it names go to `out`."""
    outlet = _outlet_name(line)
    if outlet:
        out.outlet = out.outlet or outlet
        return True
    byline = _byline(line)
    if byline is not None:
        out.outlet = out.outlet or byline[0]
        if byline[1]:
            _note_timestamp((byline[1], ""), out)
        return True
    stamp = _timestamp(line)
    if stamp is None and (author := _AUTHOR_STAMP_RE.match(line)):
        stamp = _timestamp(author["rest"])  # "Ann Example — Monday, 3 April 2023, 14:05"
    if stamp is not None:
        _note_timestamp(stamp, out)
        return True
    return bool(
        _READ_TIME_RE.fullmatch(line)
        or _SOURCE_NOTE_RE.match(line)
        or (len(line) <= 160 and _post_signature(line, out))
        or (len(line) <= 120 and _LIVE_SIGNPOST_RE.match(line))
        or (len(line) < 100 and _CALL_TO_ACTION_RE.match(line))
        or (len(line) <= 120 and _CREDIT_LINE_RE.match(line))
    )


_SOURCE_LABEL_RE = re.compile(r"^[\s.,;]*Source\s*:", re.I)


def _source_stamp(tail: str, out: _Cleaned) -> bool:
    """Whether a credit cut from the end of a line is the page's source line with its date
    stamp ("Source: Tanjug Monday, May 22, 2023 | 00:34"): the date is noted as a stamp and
    the line stays prose. A dated photo credit ("Photo: Reuters, 31 March 2022") keeps its
    date as a last-resort hint and its line stays a caption."""
    dated = next((m.date for m in find_dates(tail, None) if m.precision == "day" and m.date
                  and _DIGIT_RE.search(m.text) and len(m.text) > 6), None)
    if dated is None:
        return False
    if _SOURCE_LABEL_RE.match(tail) is None:
        out.aside_dates.append(tail)
        return False
    _note_timestamp((dated, ""), out)
    return True


def _post_signature(line: str, out: _Cleaned) -> bool:
    """An embedded post's signature line; its date is kept as a last-resort hint."""
    if not _POST_SIGNATURE_RE.match(line):
        return False
    out.aside_dates.append(line)
    return True


def _strip_furniture(items: list[tuple[str, int]], title: str | None) -> _Cleaned:
    """Walk the paragraphs once, dropping furniture and marking captions."""
    out = _Cleaned(title=title)
    title_key = _key(title) if title else None
    seen: set[str] = set()
    after_marker = caption_next = False
    for i, (line, block) in enumerate(items):
        nxt, nxt_block = items[i + 1] if i + 1 < len(items) else ("", -1)
        key = _key(line)
        is_caption, caption_next = caption_next, False
        if not key or _is_noise(line) or _is_share_furniture(line):
            continue
        if after_marker and _headline_like(line):
            continue  # the related-headline list after "Keep reading:"
        after_marker = False
        marker = _MORE_MARKER_RE.match(line)
        if marker and len(line) <= 200:
            after_marker = not marker.group("rest").strip()
            continue
        if _is_line_furniture(line, out):
            continue  # before the title: "Reading Time: 2 minutes" heads pages, never as one
        if nxt_block == block and _HANDLE_RE.fullmatch(nxt) and _headline_like(line) and \
                len(line.split()) <= 6:
            out.outlet = out.outlet or line  # "Ministry of Defence" over "@DefenceHQ": the author
            continue
        if (
            out.title is None
            and not out.paragraphs
            and _headline_like(line)
            and len(key.split()) >= 3
        ):
            if (
                _timestamp(line) is None
                and _match_dateline(line) is None
                and not _CREDIT_LINE_RE.match(line)
                and not _strip_credit(line)[1]  # a line with a photo credit is a caption
            ):
                out.title, title_key = line, key
                continue
        if key == title_key or (key in seen and len(key) >= 20):
            continue  # a repeated headline or paragraph
        caption = _IMAGE_LABEL_RE.match(line)
        if caption:  # BBC-style "Image source, Reuters" / "Image caption, Firefighters in ..."
            line = caption.group("rest")
            if caption.group("kind").lower() == "source" or not line:
                caption_next = caption.group("kind").lower() == "caption"
                continue
            is_caption = True
        if _is_tag_list(line):
            caption_next = True
            continue
        if (
            _headline_like(line)
            and len(line) <= 80
            and nxt_block == block
            and len(nxt) > len(line)
            and _key(nxt).startswith(key)
            and not nxt[len(line)].isalnum()
        ):
            caption_next = True  # a label repeated as the start of the caption under it
            continue
        tag = _WIRE_TAG_RE.search(line)
        if tag and line[: tag.start()].endswith(_TERMINAL):
            line = line[: tag.start()]  # "... by June 26. (ANI/Xinhua)": the agency tag goes
            key = _key(line)
        text, credited = _strip_credit(line)
        if credited and _source_stamp(line[len(text) :], out):
            line, key, credited = text, _key(text), False  # "... Source: Tanjug May 22, 2023"
        if not credited and nxt_block == block and len(nxt) <= 120 and _CREDIT_LINE_RE.match(nxt):
            credited = True  # caption with its credit on the next line
        if (
            not (credited or is_caption)
            and _headline_like(line)
            and nxt_block == block
            and _strip_credit(nxt)[1]
            and _repeats(line, nxt)
        ):
            continue  # an image's alt text right above its credited caption, which says it again
        if credited or is_caption:
            caption_key = _key(text)
            if text and _states_fact(text) and caption_key not in seen:
                seen.add(caption_key)  # the same caption under two copies of a photo: once
                out.add(text, is_caption=True)
            continue
        seen.add(key)
        out.add(line)
    return out


def _apply_dateline(out: _Cleaned) -> tuple[str | None, str | None]:
    """Cut the dateline from the first body paragraph: (place, date text)."""
    for index, paragraph in enumerate(out.paragraphs):
        if out.caption[index]:
            continue
        m = _match_dateline(paragraph)
        if not m:
            return None, None
        agency = (m.group("agency") or "").lower()
        out.wire = _AGENCIES.get(agency)
        out.outlet = out.outlet or out.wire
        out.paragraphs[index] = paragraph[m.end() :]
        return _place_name(m.group("place")), m.group("date")
    return None, None


def _drop_summary(out: _Cleaned) -> None:
    """Drop a standfirst that only repeats the body (see the module docstring)."""
    if out.title is None or len(out.paragraphs) < 3 or out.caption[0]:
        return
    rest = " ".join(
        p for p, cap in zip(out.paragraphs[1:], out.caption[1:], strict=True) if not cap
    )
    if _is_summary_of(out.paragraphs[0], rest):
        del out.paragraphs[0], out.caption[0]


def _normalise_published(value: str | None) -> str | None:
    if not value:
        return None
    iso = re.match(r"\s*((?:19|20)\d\d-\d\d-\d\d)", value)
    if iso:
        try:
            return date.fromisoformat(iso.group(1)).isoformat()
        except ValueError:
            return None
    for mention in find_dates(value, None):
        if mention.date and mention.precision == "day":
            return mention.date
    return None


def parse_date(value: str | None) -> str | None:
    """A date an analyst typed ("2022-04-07", "7 April 2022") as YYYY-MM-DD; None if it is none."""
    return _normalise_published(value)


def document_id(text: str) -> str:
    """First 16 hex digits of the sha256 of the text with whitespace collapsed."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def _join(out: _Cleaned) -> tuple[str, list[list[int]]]:
    parts, captions, pos = [], [], 0
    for paragraph, is_caption in zip(out.paragraphs, out.caption, strict=True):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if parts:
            pos += 2
        if is_caption:
            captions.append([pos, pos + len(paragraph)])
        parts.append(paragraph)
        pos += len(paragraph)
    return "\n\n".join(parts), captions


_READ_TEXT_META = frozenset({"title", "outlet", "published", "url", "dateline_place"})


def read_text(text: str, *, path: str | None = None, **meta: str | None) -> Document:
    """One in-memory article to a Document (meta: title, outlet, published, url, dateline_place)."""
    unknown = set(meta) - _READ_TEXT_META
    if unknown:
        raise TypeError(f"read_text() got unknown metadata: {', '.join(sorted(unknown))}")
    meta = {key: one_line(val) if isinstance(val, str) else val for key, val in meta.items()}
    marker, text = split_date_marker(sanitise(text))
    items = _paragraphs(text)
    title = meta.get("title")
    title = _clean_line(sanitise(title)) if title else None
    items = [(_cut_time_prefix(line), block) for line, block in items]
    out = _strip_furniture(items, title)
    place, date_text = _apply_dateline(out)
    _drop_summary(out)
    body, captions = _join(out)
    published, inferred = _normalise_published(meta.get("published")), False
    if published is None and isinstance(marker, date):
        published = marker.isoformat()  # the page's own date line outranks anything in the text
    if published is None:
        published = out.stamp
    month = marker if isinstance(marker, tuple) else None
    if published is None and date_text:
        published, inferred = _dateline_date(date_text, body, month)
    if published is None and month:
        # "date 2022-09": the latest day of that month the text names ("Saturday, September 10")
        latest = latest_day_in_month(body, *month)
        published, inferred = (latest.isoformat(), True) if latest else (None, False)
    if published is None:
        # the body's latest full date, else a title line's ("April 2, 2022 Russia-Ukraine news")
        latest = (
            infer_published(body)
            or (infer_published(out.title) if out.title else None)
            or infer_published("\n".join(out.aside_dates))  # an embedded post's date, at worst
        )
        published, inferred = (latest.isoformat(), True) if latest else (None, False)
    outlet = meta.get("outlet") or out.outlet
    return Document(
        id=document_id(body),
        text=body,
        title=out.title,
        outlet=outlet,
        published=published,
        published_inferred=inferred,
        dateline_place=meta.get("dateline_place") or place,
        url=meta.get("url"),
        path=path,
        captions=captions,
        wire=out.wire if out.wire and out.wire != outlet else None,
    )

"""Speaker types from a source phrase's words (no registry): who is speaking, by kind.

``speaker_type_of`` types a source as author (``I``/``we``), anonymous (``officials``,
``a person familiar with``), document, organisation, group, person or unknown, from its
head noun and determiners; the resolver (:mod:`._speakers`) adds the names it registered.
"""

from __future__ import annotations

__all__ = ["speaker_type_of"]

_ORG = frozenset(
    "ministry department police government house kremlin campaign committee company agency "
    "office party court council administration army military commission union association "
    "bank corporation corp inc ltd group institute university college foundation network "
    "times post journal news press reuters cnn bbc fbi cia nato un eu congress senate "
    "parliament cabinet embassy organization organisation service authority board team "
    "center centre club firm bureau pentagon coalition alliance federation league "
    "prosecutors state spokesman's".split()
)
#: Words of news outlets' and institutions' names: organisations too, though not in the
#: cue model's typing (it was trained without them).
_OUTLETS = frozenset(
    "tribune herald gazette telegraph magazine newspaper radio television tv channel ap afp "
    "npr abc nbc cbs msnbc pbs politico newsweek reuters bloomberg cnn bbc axios".split()
)
_INSTITUTIONS = frozenset(
    "chamber assembly legislature tribunal secretariat academy museum hospital school "
    "church".split()
)
#: Common nouns for companies and other bodies ("the airline said", "the regulator").
_COMPANY_NOUNS = frozenset(
    "airline carrier operator retailer insurer lender manufacturer maker chipmaker "
    "carmaker automaker publisher broadcaster regulator watchdog utility supplier "
    "startup start-up charity trust".split()
)
#: Words of newspapers' names that are common nouns too ("his guardian", "the medical
#: examiner"): an organisation only when written capitalised ("The Guardian").
_OUTLET_NAMES = frozenset(
    "guardian times post journal observer chronicle inquirer examiner globe bulletin news "
    "ledger".split()
)
_DOCUMENT = frozenset(
    "report reports poll polls survey surveys study studies statement statements document "
    "documents data filing filings letter memo analysis records article book estimates "
    "figures census research review audit indictment complaint lawsuit transcript email "
    "emails release tweet post video footage ruling".split()
)
_ANON = frozenset(
    "official officials source sources aide aides insider insiders person people familiar "
    "anonymity diplomat diplomats spokesman spokeswoman spokesperson".split()
)
_GROUP = frozenset(
    "critics democrats republicans voters analysts experts supporters residents protesters "
    "economists americans many some others leaders members lawmakers observers scientists "
    "researchers activists percent both opponents advocates conservatives liberals "
    "progressives investors officers workers students parents citizens two".split()
)
_ANON_MARKS = frozenset(["familiar", "anonymity"])
_DETS = frozenset("the a an this that these those his her their its our".split())
_GROUP_DETS = frozenset("the some many most".split())


def _common_noun(phrase: str) -> bool:
    """Whether ``phrase`` reads as a common-noun phrase, not a name: lower case, or lower
    case after a first word capitalised at a sentence start ("Industry groups")."""
    words = phrase.split()
    return phrase[:1].islower() or len(words) > 1 and all(w[:1].islower() for w in words[1:])


def _capitalised_head(source: str, head: str) -> bool:
    """Whether ``head`` (lower case) is written capitalised in ``source`` ("The
    Washington Post", not "a post on Facebook")."""
    return any(w.lower().strip(".,") == head and w[:1].isupper() for w in source.split())


def _plural(word: str) -> bool:
    """Whether a lower-case noun looks plural ("groups", "voters"; not "press", "status")."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "\u2019s"))


#: Singular nouns naming one person by office or role ("the mayor said", "a lawyer for the
#: family said"): a person whose name the text does not give. Not the nouns of unnamed
#: sources (official, aide, diplomat, spokesman: ``_ANON``), which stay as they were.
_PERSON_ROLES = frozenset(
    "president senator governor minister secretary chairman chairwoman chair mayor judge "
    "general commissioner ambassador prosecutor lawyer attorney director chief ceo founder "
    "professor teacher doctor nurse candidate nominee lawmaker legislator congressman "
    "congresswoman councilman councilwoman councillor sheriff chancellor premier king queen "
    "prince pope bishop captain coach owner manager editor columnist reporter author writer "
    "witness resident analyst economist expert historian scientist researcher activist "
    "governor-elect president-elect speaker leader".split()
)
_HEAD_STOP = frozenset(
    "for of at with in who from to by on released obtained published seen reviewed issued "
    "conducted commissioned that which".split()
)


def _role_noun(words: list[str]) -> str | None:
    """Head noun of an appositive such as ``a spokeswoman for the ministry``."""
    return _head_noun([w.lower().strip(",.") for w in words])


def _head_noun(low: list[str]) -> str | None:
    """:func:`_role_noun` of words already in lower case without edge commas and dots."""
    head = None
    for w in low:
        if w in _HEAD_STOP:
            break
        if w not in _DETS:
            head = w
    return head


def speaker_type_of(source: str, roles: bool = True, as_trained: bool = False) -> str:
    """Type a source phrase from its words (no registry).

    Parameters
    ----------
    source : str
        The source phrase as written.
    roles : bool
        Type a singular office or role noun without a name (``the mayor``, ``a lawyer for
        the family``) as ``person``; False gives ``unknown`` there.
    as_trained : bool
        The typing the shipped cue model was trained with (its ``srctype`` feature): no
        role nouns, no outlet names (``Tribune``), and a plural noun is a group only after
        a determiner ("the voters", not "industry groups"). Its inputs stay as trained.

    Examples
    --------
    >>> speaker_type_of("senior officials"), speaker_type_of("the ministry")
    ('anonymous', 'organization')
    >>> speaker_type_of("the mayor"), speaker_type_of("the mayor", roles=False)
    ('person', 'unknown')
    >>> speaker_type_of("industry groups"), speaker_type_of("industry groups", as_trained=True)
    ('group', 'unknown')
    """
    types = _TYPES.get(source)
    if types is None:
        if len(_TYPES) >= _TYPES_CAP:
            _TYPES.clear()
        types = _TYPES[source] = _speaker_types(source)
    return types[2] if as_trained else types[0] if roles else types[1]


#: ``source -> (type, type without role nouns, type as trained)``: the cue model, the
#: resolver and the rows type the same sources in different ways, from one parse.
_TYPES: dict[str, tuple[str, str, str]] = {}
_TYPES_CAP = 65_536


def _speaker_types(source: str) -> tuple[str, str, str]:
    """:func:`speaker_type_of` of ``source`` with roles, without, and as trained."""
    # (lower case, then the edge dots and commas: the same words either way round)
    ws = [w.strip(".,") for w in source.replace("\u2019", "'").lower().split()]
    if not ws:
        return ("unknown",) * 3
    if len(ws) == 1 and ws[0] in ("i", "we", "me", "us"):
        return ("author",) * 3
    head = _head_noun(ws) or ws[-1]
    if head == "close" and 0 < (i := ws.index("close")) < len(ws) - 1 and ws[i + 1] == "to":
        # "people close to the campaign": the head is the noun before "close" (the cue
        # model keeps the typing it was trained with, which read "close" as the head)
        typed = _typed(source, ws[:i], ws[i - 1])
        return typed[0], typed[1], _typed(source, ws, head)[2]
    return _typed(source, ws, head)


#: Document nouns the cue model's typing did not know.
_MORE_DOCUMENTS = frozenset("copy copies draft drafts excerpt excerpts".split())
#: Unnamed-source nouns that stay anonymous after "the" ("the people" may be the public).
_DEFINITE_ANON = _ANON - {"people", "person"}


def _typed(source: str, ws: list[str], head: str) -> tuple[str, str, str]:
    """:func:`_speaker_types` of ``source`` read as the words ``ws`` with ``head``."""
    if not _ANON_MARKS.isdisjoint(ws) or (head in _ANON and ws[0] != "the"):
        return ("anonymous",) * 3
    if head in _DOCUMENT:
        if head in _OUTLET_NAMES and _capitalised_head(source, head):
            # "The Washington Post": a newspaper's name (the cue model was trained with
            # the document type here)
            return "organization", "organization", "document"
        return ("document",) * 3
    person = "organization" if source.isupper() else "person"  # (a capitalised name)
    named = source[:1].isupper() and ws[0] not in _DETS
    # as trained: no outlet words, no role nouns, any final s after a determiner a group
    if head in _ORG:
        trained = "organization"
    elif head in _GROUP or head.endswith("s") and ws[0] in _GROUP_DETS:
        trained = "group"
    else:
        trained = person if named else "unknown"
    if (
        head in _ORG
        or head in _OUTLETS
        or head in _INSTITUTIONS
        or head in _COMPANY_NOUNS
        or head in _OUTLET_NAMES
        and _capitalised_head(source, head)
    ):
        plain = "organization"
    elif head in _GROUP or _plural(head) and (ws[0] in _GROUP_DETS or _common_noun(source)):
        plain = "group"  # "critics", "the voters", "industry groups"
    else:
        plain = person if named else "unknown"
    if head in _MORE_DOCUMENTS:
        # "a copy seen by the paper" (the cue model keeps the typing it was trained with)
        return "document", "document", trained
    if head in _DEFINITE_ANON:
        # "the official", "the aides": unnamed people met before, still anonymous (the
        # cue model keeps the typing it was trained with)
        return "anonymous", "anonymous", trained
    if plain == "unknown" and head in _PERSON_ROLES:
        return "person", plain, trained
    return plain, plain, trained

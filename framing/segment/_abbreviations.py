"""Word classes used by the rule-based sentence splitter (written for this project).

Every set holds the word *without* its final period, as it appears in the text (case matters:
``"No"`` the abbreviation of "number" is capitalised, ``"no"`` is a plain word). Dotted forms such
as ``"U.S."`` are not listed: any token with an inner period is classed as an initialism by the
splitter itself.

Classes
-------
TITLES
    Words that come before a name and never end a sentence ("Mr.", "Sen.", "Lt. Gen.").
NEVER_END
    Abbreviations that stand inside a sentence whatever follows ("e.g.", "vs.").
BEFORE_NUMBER
    Abbreviations that are normally followed by a number ("No. 10", "pp. 240", "Jan. 15").
MAY_END
    Abbreviations that often end a sentence ("Inc.", "Jr.", "etc."); a boundary after them is
    accepted only before a word that typically opens a sentence (:data:`STARTERS`).
STARTERS
    Closed-class words, courtesy titles and a few frequent subject nouns that typically open
    a sentence.
TIME_FOLLOWERS
    Words that may follow "a.m."/"p.m." inside a sentence (days, time zones, months).
REPORTING_VERBS
    Verbs of an attribution after a closing quote ("“Why now?” Smith asked.").
"""

from __future__ import annotations

__all__ = [
    "BEFORE_NUMBER",
    "MAY_END",
    "MONTHS",
    "NEVER_END",
    "REPORTING_VERBS",
    "STARTERS",
    "TIME_FOLLOWERS",
    "TITLES",
]


def _words(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


TITLES = _words(
    """
    Mr Mrs Ms Messrs Mmes Mx Dr Drs Prof Profs Sen Sens Rep Reps Gov Govs Lt Gen Col Maj Capt
    Cmdr Cmdt Adm Sgt Cpl Pvt Pfc Ens Brig Rev Revd Hon Pres Supt Det Insp Atty Amb Fr Msgr
    Mt Ft Lieut Cdr Gens Cols Supts Asst Assoc
    """
)

NEVER_END = _words("e.g i.e eg ie vs v cf viz approx ca incl esp resp nr")

MONTHS = _words("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec")

BEFORE_NUMBER = MONTHS | _words(
    """
    No Nos no nos Nr pp p Vol vol Vols vols Art art Arts Fig fig Figs figs Ch ch Chs Sec sec
    Secs Para para Pt pt Ex ex Tab tab Op op Rev Ed ed Eds eds Ref ref Refs Apt apt Rm Rte Hwy
    Ste Bldg Div div Reg reg Ps Nos Vs vs est Est ca Approx approx Sess Cl cl Sch sch Pg pg
    """
)

MAY_END = MONTHS | _words(
    """
    Inc Corp Co Cos Ltd Llc LLC Plc PLC Bros Jr Sr Esq etc al Assn Dept Univ Ave Blvd Rd St Sq
    Hwy Pkwy Ln Ct Pl Ter Mfg Intl Natl Govt Admin Ed Eds
    """
)

STARTERS = _words(
    """
    The A An This That These Those It Its It's It’s He She They We I You His Her Their Our My
    Your There Here But And Or So Yet Nor In On At For By With Without After Before During
    Since Until When While Where What Who Whom Whose Why How Which If As Although Though
    Because Still However Meanwhile Then Now Later Earlier Some Many Most Several Few All
    Both Each Every Any None Other Others Another One Two Three Four Five Such Also Asked
    According Even Only Instead Yes Not Last Next Neither Either Under Over From To Of
    Mr Mrs Ms Dr Prof Officials Police
    """
)

TIME_FOLLOWERS = MONTHS | _words(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri
    Sat Sun ET EST EDT CT CST CDT MT MST MDT PT PST PDT GMT UTC BST CET CEST AEST IST JST
    Eastern Pacific Central Mountain January February March April May June July August
    September October November December
    """
)

REPORTING_VERBS = _words(
    """
    said says asked asks added adds told tells wrote writes replied replies shouted shouts
    yelled yells cried cries demanded demands insisted insists wondered wonders explained
    explains noted notes recalled recalls declared declares exclaimed exclaims answered
    answers whispered whispers screamed screams chanted chants argued argues
    tweeted posted responded responds joked jokes laughed continued continues
    """
)

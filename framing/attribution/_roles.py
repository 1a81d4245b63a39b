"""Roles: which named person an office, a kinship or a party label stands for.

:class:`RoleMemory` is the part of
:class:`~framing.attribution._speakers.SpeakerResolver` that learns, while it reads, who
a role noun names, so that a later source with the same words resolves to that person:

* an appositive role ("Jane Doe, a spokeswoman for the ministry", then "the
  spokeswoman"), which also gives a gendered role noun's gender;
* a possessive role named in commas ("His lawyer, Pieter Vance,", "her daughter, Anne
  Reed, who"), kept with its possessive, so that another person's "his lawyer" is not
  taken for it;
* a party label after a name ("Sen. Mark Delaney, R-Ohio,", "Rep. Ann Lee (D-N.Y.)"),
  then "the Republican", "the Democrat".
"""

from __future__ import annotations

import re

from ._name_records import _FEMALE, _MALE, _role_key
from ._speaker_types import _role_noun

__all__ = ["RoleMemory"]

_POSSESSIVE_DETS = frozenset(["his", "her", "their"])
# A possessive role ending just before a name ("her daughter, " Anne Reed).
_KIN_BEFORE_NAME = re.compile(r"\b(his|her|their)\s+([a-z-]+),\s*$", re.IGNORECASE)
# A party label after a name ("Mark Delaney, R-Ohio", "Rosa Lee (D-N.M.)").
_PARTY_AFTER = re.compile(r"[ \t]*[,(][ \t]*([RD])-[A-Z]")
_PARTIES = {"R": "republican", "D": "democrat"}


class RoleMemory:
    """Role learning for a speaker resolver (a mixin).

    The resolver provides ``text``, ``roles`` (role noun -> name), ``kin``
    ((possessive, role noun) -> name) and ``gender`` (surname -> "m"/"f").
    """

    text: str
    roles: dict[str, str]
    kin: dict[tuple[str, str], str]
    gender: dict[str, str]

    def _learn_appositive_role(self, appositive: list[str], name: str) -> None:
        """Remember the role an appositive gives ``name`` ("a spokeswoman for the
        ministry", "His lawyer"), and the gender of a gendered role noun."""
        role = _role_noun(appositive)
        if role == "general":  # ("a former attorney general")
            low = [w.lower().strip(",.") for w in appositive]
            role = _role_key(low, low.index(role))
        if not role:
            return
        self.roles[role] = name
        if appositive[0].lower() in _POSSESSIVE_DETS:  # "His lawyer, Pieter Vance,"
            self.kin[(appositive[0].lower(), role)] = name
        if role in _FEMALE or role in _MALE:
            self.gender.setdefault(name.split()[-1], "f" if role in _FEMALE else "m")

    def _learn_kin_before(self, pos: int, name: str) -> None:
        """Remember a possessive role written just before ``name`` at ``pos`` ("her
        daughter, Anne Reed, who said": "her daughter" is Anne Reed)."""
        kin = _KIN_BEFORE_NAME.search(self.text, max(0, pos - 40), pos)
        if kin is not None:
            self.kin[(kin.group(1).lower(), kin.group(2).lower())] = name

    def _learn_party(self, end: int, source: str, name: str) -> None:
        """Remember a party label after the source ending at ``end`` or inside it
        ("Sen. Mark Delaney, R-Ohio, said" ... "The Republican said")."""
        party = _PARTY_AFTER.match(self.text, end) or _PARTY_AFTER.search(source)
        if party is not None:
            self.roles[_PARTIES[party.group(1)]] = name

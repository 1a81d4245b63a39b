"""Input: read documents from text, records, DataFrames, files and directories; name maps.

Examples
--------
>>> from framing.io import read_documents, read_name_map
>>> [d.text for d in read_documents(["One.", {"text": "Two.", "id": "b"}])]
['One.', 'Two.']
>>> read_name_map({"Russia": ["Putin", "the Kremlin"]})
{'Russia': ['Russia', 'Putin', 'the Kremlin']}
"""

from __future__ import annotations

from ._count import count_documents
from ._names import read_name_map
from ._readers import describe_source, read_documents

__all__ = ["count_documents", "describe_source", "read_documents", "read_name_map"]

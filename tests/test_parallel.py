import pandas.testing as pdt
import pytest

import framing
from framing.parallel import map_batches

TEXTS = [f"Paragraph {i} is calm.\nThe minister said it was a disaster. Mr. Ray left." for i in
         range(40)]


def test_two_workers_give_identical_tables():
    serial = framing.analyze(TEXTS, batch_size=7)
    parallel = framing.analyze(TEXTS, batch_size=7, jobs=2)
    for name in serial.tables:
        pdt.assert_frame_equal(serial.tables[name], parallel.tables[name])


def test_jobs_must_be_positive():
    with pytest.raises(ValueError, match="jobs"):
        list(map_batches([], [], jobs=0))

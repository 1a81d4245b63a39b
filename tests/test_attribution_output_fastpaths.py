"""Fast paths of the attribution scorer's output stage give what the plain definitions give."""

import math
import random

from framing.attribution._scorer import _WordCounter


def _plain_share(starts: list[int], words: list[str], ranges: list[tuple[int, int]]) -> float:
    ws = [s for s, w in zip(starts, words, strict=True) if w[0].isalnum()]
    if not ws:
        return math.nan
    inside = sum(1 for s in ws if any(a <= s < b for a, b in ranges))
    return min(1.0, inside / len(ws))


def test_quoted_shares_of_one_sweep_are_the_per_paragraph_shares() -> None:
    rng = random.Random(7)
    for _ in range(400):
        paras, tokens, pos = [], {}, 0
        for pid in range(rng.randint(1, 6)):
            start = pos
            starts, words = [], []
            for _ in range(rng.randint(0, 8)):
                pos += rng.randint(1, 4)
                starts.append(pos)
                words.append(rng.choice(["said", ",", "2020", '"', "_x", "it's"]))
            pos += rng.randint(1, 3)
            paras.append((start, pos))
            tokens[pid] = (starts, words)
            pos += 1
        cuts = sorted(rng.sample(range(pos + 2), min(pos + 2, 2 * rng.randint(0, 4)) // 2 * 2))
        ranges = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True) if a < b]
        flags = {pid: (st, [w[0].isalnum() for w in ws]) for pid, (st, ws) in tokens.items()}
        got = _WordCounter(paras, flags).shares(ranges)
        want = [_plain_share(*tokens[pid], ranges) for pid in range(len(paras))]
        assert [repr(x) for x in got] == [repr(x) for x in want], (paras, tokens, ranges)


def test_head_noun_of_normalised_words_is_the_role_noun() -> None:
    from framing.attribution._speaker_types import _head_noun, _role_noun

    rng = random.Random(11)
    vocab = ["The", "a", "spokeswoman,", "for", "Ministry.", "who", "MAYOR", ".", "officials", "of"]
    for _ in range(2_000):
        words = [rng.choice(vocab) for _ in range(rng.randint(0, 6))]
        low = [w.lower().strip(",.") for w in words]
        assert _head_noun(low) == _role_noun(words), words


def test_a_run_cut_at_a_sentence_end_registers_both_parts() -> None:
    from framing.attribution._speakers import SpeakerResolver

    r = SpeakerResolver("He spoke with Tarn Vallow. Valdor Smith left. Sen. Ann Lee stayed.")
    assert r.canonical("Smith") == "Valdor Smith"
    assert r.canonical("Vallow") == "Tarn Vallow"
    assert r.roles["sen"] == "Ann Lee"


def test_four_words_pattern_is_four_word_runs_or_more() -> None:
    import random

    from framing.attribution._extract import _FOUR_WORDS, _WORD

    rng = random.Random(9)
    alphabet = list("ab9_ \u00e9,.'\u201c-")
    for _ in range(5_000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        a = rng.randint(0, len(s))
        b = rng.randint(a, len(s))
        found = _FOUR_WORDS.search(s, a, b) is not None
        assert found == (len(_WORD.findall(s, a, b)) >= 4), (s, a, b)

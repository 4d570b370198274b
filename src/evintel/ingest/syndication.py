"""Near-duplicate detection for syndicated copies: MinHash signatures over word shingles, LSH lookup."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 3
DEFAULT_THRESHOLD = 0.8
# A fixed seed and hashing scheme make signatures comparable across processes and runs, so they can be stored.
_SEED = 1
_SCHEME = "affine32"
_WORD = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def _minhash(sig: Sequence[int]) -> MinHash:
    if len(sig) != NUM_PERM:
        raise ValueError(f"a signature has {NUM_PERM} values, got {len(sig)}")
    return MinHash(num_perm=NUM_PERM, seed=_SEED, hashvalues=np.asarray(sig, dtype=np.uint64), scheme=_SCHEME)


def signature(text: str) -> list[int]:
    """The MinHash signature of a text's word 3-shingles: NUM_PERM plain ints, JSON-serialisable."""
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    minhash.update_batch(list(_shingles(text)))
    return [int(v) for v in minhash.hashvalues]


def similarity(sig_a: Sequence[int], sig_b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures (0..1)."""
    return float(_minhash(sig_a).jaccard(_minhash(sig_b)))


class SyndicationIndex:
    """LSH index of article signatures; `query` returns keys of likely syndicated copies."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}

    @classmethod
    def from_signatures(
        cls, items: Iterable[tuple[str, Sequence[int]]], threshold: float = DEFAULT_THRESHOLD
    ) -> SyndicationIndex:
        """Rebuild an index from stored (key, signature) pairs."""
        index = cls(threshold)
        for key, sig in items:
            index.add(key, sig)
        return index

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, key: object) -> bool:
        return key in self._signatures

    def add(self, key: str, sig: Sequence[int]) -> None:
        """Index a signature under `key`; adding a key again replaces its signature."""
        if key in self._signatures:
            self._lsh.remove(key)
        minhash = _minhash(sig)
        self._lsh.insert(key, minhash)
        self._signatures[key] = minhash

    def query(self, sig: Sequence[int]) -> list[str]:
        """Keys whose estimated similarity to `sig` reaches the threshold, most similar first."""
        minhash = _minhash(sig)
        # LSH candidates include some below the threshold; the estimate filters them out.
        scored = [(self._signatures[key].jaccard(minhash), key) for key in self._lsh.query(minhash)]
        return [key for score, key in sorted(scored, key=lambda p: (-p[0], p[1])) if score >= self.threshold]

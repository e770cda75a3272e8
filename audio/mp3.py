"""PCM loudness (measure, level, limit) and MP3 encoding with lameenc.

Encoding choice: mono MPEG-1 Layer III at 44.1 kHz, constant 64 kbit/s.
- 44.1 kHz rather than espeak's 22,050 Hz: at 22,050 Hz LAME writes MPEG-2 "low sampling frequency"
  frames, which some older players, car radios and podcast validators handle badly; MPEG-1 plays
  everywhere. LAME resamples internally; the voice itself has no content above 11 kHz anyway.
- Constant bit rate: podcast apps seek by byte offset and derive durations from the file size; with CBR
  both are exact without a Xing/VBR table.
- 64 kbit/s mono is the usual spoken-word podcast rate (about 0.5 MB per minute) and transparent for one
  synthetic voice. LAME quality 5 (its "good" default) is about 1.4x faster than quality 2 with no
  audible difference at this rate for speech.

Loudness: ITU-R BS.1770-4 integrated loudness (K-weighting, 400 ms blocks with 75 % overlap, absolute
gate -70 LUFS, relative gate -10 LU), computed incrementally so a long text needs memory only for one
number per 100 ms of audio. The K-weighting coefficients come from pyloudnorm, whose `Meter` the tests use
as the reference. True peak is estimated by 4x oversampling (with the FIR `scipy.signal.resample_poly`
uses) as BS.1770 Annex 2 suggests, and only around samples loud enough to come near the ceiling.
"""

from __future__ import annotations

import functools
import math
from typing import Any

import lameenc
import numpy as np
import numpy.typing as npt
from pyloudnorm.iirfilter import IIRfilter
from scipy.ndimage import minimum_filter1d, uniform_filter1d
from scipy.signal import firwin, sosfilt

# float32 halves memory and time; its 24-bit mantissa is ample for 16-bit audio
Samples = npt.NDArray[np.float32]
Floats = npt.NDArray[np.floating[Any]]

OUTPUT_SAMPLE_RATE = 44100
_BLOCK_SEGMENTS = 4  # a 400 ms gating block = 4 segments of 100 ms
_ABSOLUTE_GATE = -70.0
_RELATIVE_GATE = -10.0
_OVERSAMPLING = 4
_LIMITER_MS = 3.0
_BATCH = 8192
_RESERVE_DB = 0.2  # kept below the ceiling for the error of the true-peak estimate
_BLOCK = 65536


def pcm_to_float(pcm: bytes) -> Samples:
    """16-bit little-endian PCM → floats in [-1, 1)."""
    return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / np.float32(32768.0)


def float_to_pcm(samples: Samples) -> bytes:
    """Floats → 16-bit little-endian PCM, rounded and clipped."""
    return np.clip(np.round(samples * np.float32(32768.0)), -32768, 32767).astype("<i2").tobytes()


class Mp3Encoder:
    """Mono PCM at `sample_rate` → CBR MPEG-1 Layer III frames at 44.1 kHz (see the module docstring)."""

    def __init__(self, sample_rate: int, bitrate_kbps: int = 64, quality: int = 5) -> None:
        self._encoder = lameenc.Encoder()
        self._encoder.set_in_sample_rate(sample_rate)
        self._encoder.set_out_sample_rate(OUTPUT_SAMPLE_RATE)
        self._encoder.set_channels(1)
        self._encoder.set_bit_rate(bitrate_kbps)
        self._encoder.set_quality(quality)

    def encode(self, pcm: bytes) -> bytes:
        return bytes(self._encoder.encode(pcm))

    def flush(self) -> bytes:
        return bytes(self._encoder.flush())


class LoudnessMeter:
    """Integrated loudness (BS.1770-4) of a mono signal fed in pieces of any length."""

    def __init__(self, sample_rate: int) -> None:
        stages = (
            IIRfilter(4.0, 1 / math.sqrt(2), 1500.0, sample_rate, "high_shelf"),
            IIRfilter(0.0, 0.5, 38.0, sample_rate, "high_pass"),
        )
        self._sos = np.array([np.concatenate([s.b, s.a]) for s in stages])
        self._state = np.zeros((len(stages), 2))
        self._segment = round(sample_rate / 10)
        self._rest: npt.NDArray[np.float64] = np.zeros(0)
        self._energies: list[float] = []
        self.sample_peak = 0.0

    def add(self, samples: Floats) -> None:
        if len(samples):
            self.sample_peak = max(self.sample_peak, float(np.abs(samples).max()))
        weighted, self._state = sosfilt(self._sos, samples, zi=self._state)
        data = np.concatenate([self._rest, weighted])
        whole = len(data) // self._segment * self._segment
        squares = np.square(data[:whole]).reshape(-1, self._segment).sum(axis=1)
        self._energies.extend(squares.tolist())
        self._rest = data[whole:]

    def integrated_lufs(self) -> float | None:
        """Gated loudness in LUFS, or None when nothing is above the absolute gate (silence, < 400 ms)."""
        energies = np.asarray(self._energies)
        if len(energies) < _BLOCK_SEGMENTS:
            return None
        window = np.ones(_BLOCK_SEGMENTS)
        blocks = np.convolve(energies, window, mode="valid") / (_BLOCK_SEGMENTS * self._segment)
        with np.errstate(divide="ignore"):
            levels = -0.691 + 10 * np.log10(blocks)
        gated = blocks[levels >= _ABSOLUTE_GATE]
        if not len(gated):
            return None
        relative = -0.691 + 10 * math.log10(float(gated.mean())) + _RELATIVE_GATE
        kept = blocks[(levels >= _ABSOLUTE_GATE) & (levels > relative)]
        return -0.691 + 10 * math.log10(float(kept.mean()))


@functools.lru_cache(maxsize=1)
def _interpolator() -> npt.NDArray[np.float64]:
    """The low-pass FIR for 4x oversampling (the filter `resample_poly` designs by default)."""
    taps: npt.NDArray[np.float64] = firwin(20 * _OVERSAMPLING + 1, 1 / _OVERSAMPLING, window=("kaiser", 5.0))
    return taps * _OVERSAMPLING


@functools.lru_cache(maxsize=1)
def _phase_kernels() -> Samples:
    """`_interpolator` split into its 4 phases: row p gives the oversampled value 4n + p from x[n-h..n+h]."""
    taps = _interpolator()
    half = (len(taps) - 1) // 2 // _OVERSAMPLING
    kernels = np.zeros((_OVERSAMPLING, 2 * half + 1), dtype=np.float32)
    for phase in range(_OVERSAMPLING):
        for i in range(-half, half + 1):
            index = _OVERSAMPLING * i + phase + (len(taps) - 1) // 2
            if 0 <= index < len(taps):
                kernels[phase, i + half] = taps[index]
    return kernels[:, ::-1]


def _peak_envelope(samples: Samples, threshold: float) -> Samples:
    """Per-sample true peak (the largest oversampled value from sample n up to n+1), computed only where
    x[n] or x[n+1] exceeds `threshold`, zero elsewhere. The caller leaves 3 dB between threshold and
    ceiling, more than the intersample overshoot of speech band-limited to 11 kHz."""
    envelope = np.zeros(len(samples), dtype=np.float32)
    loud = np.abs(samples) > threshold
    loud[:-1] |= loud[1:]
    candidates = np.flatnonzero(loud)
    if not len(candidates):
        return envelope
    kernels = _phase_kernels()
    half = (kernels.shape[1] - 1) // 2
    padded = np.concatenate([np.zeros(half, np.float32), samples, np.zeros(half, np.float32)])
    offsets = np.arange(2 * half + 1)[None, :]
    for batch in np.array_split(candidates, -(-len(candidates) // _BATCH)):  # bounds the window matrix
        envelope[batch] = np.abs(padded[batch[:, None] + offsets] @ kernels.T).max(axis=1)
    return envelope


def _limiter_gain(samples: Samples, ceiling: float, threshold: float, width: int) -> Samples | None:
    """Gain curve (≤ 1) that keeps the true peak of `samples` under `ceiling`, or None if none is needed."""
    envelope = _peak_envelope(samples, threshold)
    if not (envelope > ceiling).any():
        return None
    required = np.minimum(1.0, ceiling / np.maximum(envelope, 1e-12))
    spread = minimum_filter1d(required, size=2 * width + 1, mode="nearest")
    gain: Samples = np.minimum(uniform_filter1d(spread, size=width + 1, mode="nearest"), required)
    return gain


def needs_limiter(sample_peak: float, gain_db: float, ceiling_dbtp: float) -> bool:
    """Whether `level` could limit anything in a signal with this sample peak (if not, it only scales)."""
    return sample_peak * 10 ** (gain_db / 20) > _scan_threshold(ceiling_dbtp)


def _scan_threshold(ceiling_dbtp: float) -> float:
    return 10 ** ((ceiling_dbtp - _RESERVE_DB) / 20) / math.sqrt(2)


def level(samples: Samples, gain_db: float, ceiling_dbtp: float, sample_rate: int) -> Samples:
    """Apply `gain_db`, then a look-ahead peak limiter that keeps the true peak below `ceiling_dbtp`.

    The limiter's gain curve is the required reduction at every sample, spread by a minimum filter of
    2 x 3 ms and smoothed by a 3 ms moving average: the smoothing never rises above the required value
    (every averaged value is a minimum over a window containing the sample), so peaks stay under the
    ceiling while the gain changes over milliseconds, not from one sample to the next. The work is done
    in blocks of about 3 s with enough context on both sides that the result is the same as for the
    whole signal at once, to keep temporary arrays small.
    """
    scale = 10 ** (gain_db / 20)
    ceiling = 10 ** ((ceiling_dbtp - _RESERVE_DB) / 20)
    width = max(1, round(sample_rate * _LIMITER_MS / 1000))
    margin = 2 * width + _phase_kernels().shape[1]  # reach of the filters and the interpolation kernel
    out = np.empty(len(samples), dtype=np.float32)
    for start in range(0, len(samples), _BLOCK):
        low = max(0, start - margin)
        block = samples[low : start + _BLOCK + margin] * scale
        piece = block[start - low : start - low + _BLOCK]
        gain = _limiter_gain(block, ceiling, _scan_threshold(ceiling_dbtp), width)
        out[start : start + len(piece)] = (
            piece if gain is None else piece * gain[start - low : start - low + len(piece)]
        )
    return out

"""The data-only channel between the trusted grader and a sandboxed submission.

Frames are a 4-byte big-endian length and a UTF-8 JSON document. Values cross as tagged JSON:
plain numbers, strings and containers; numpy arrays of numbers (`.npy` bytes, never pickled);
circuits and gates as QPY; a few quantum_info types as their numbers; a matplotlib Figure as
what it shows (`qgrade.figures.FigureSummary` data, read where it was made) and a Qiskit
TextDrawing as its text. Functions cross as
*handles*: the receiving side gets a proxy whose calls travel back over the channel, so code
always runs on the side that owns it. Anything else arrives as `Ungradable`, which refuses every
use. Nothing here ever unpickles or evaluates what it receives.
"""

from __future__ import annotations

import base64
import builtins
import io
import json
import socket
import struct
from collections.abc import Callable
from fractions import Fraction
from typing import Any

MAX_FRAME = 64 * 1024 * 1024  # bytes; a larger frame is an output flood
_HEADER = struct.Struct(">I")


class ChannelClosed(ConnectionError):
    """The other side went away (the sandbox died or was killed)."""


class FrameTooLarge(ValueError):
    """The other side sent more than MAX_FRAME bytes in one message."""


def send(sock: socket.socket, message: dict) -> None:
    data = json.dumps(message, allow_nan=True, separators=(",", ":")).encode("utf-8")
    sock.sendall(_HEADER.pack(len(data)) + data)


def _read_exact(sock: socket.socket, n: int) -> bytes:
    chunks, got = [], 0
    while got < n:
        chunk = sock.recv(min(n - got, 1 << 20))
        if not chunk:
            raise ChannelClosed("the other side closed the channel")
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def receive(sock: socket.socket, limit: int = MAX_FRAME) -> dict:
    (size,) = _HEADER.unpack(_read_exact(sock, _HEADER.size))
    if size > limit:
        raise FrameTooLarge(f"a message of {size} bytes (limit {limit})")
    message = json.loads(_read_exact(sock, size).decode("utf-8"))
    if not isinstance(message, dict):
        raise ValueError("a message must be a JSON object")
    return message


# ---------------------------------------------------------------------------------------------
# values


class Ungradable:
    """Stands for a value that could not cross as data; every use of it fails clearly."""

    __slots__ = ("type_name",)

    def __init__(self, type_name: str) -> None:
        object.__setattr__(self, "type_name", type_name)

    def _refuse(self, *_args: Any, **_kwargs: Any) -> Any:
        raise UngradableValueError(self.type_name)

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _refuse
    __bool__ = __float__ = __int__ = __index__ = __complex__ = __len__ = __iter__ = _refuse
    __getitem__ = __contains__ = __add__ = __sub__ = __mul__ = __truediv__ = _refuse
    __array__ = _refuse
    __hash__ = None  # type: ignore[assignment]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        raise UngradableValueError(self.type_name)

    def __setattr__(self, name: str, value: Any) -> None:
        raise UngradableValueError(self.type_name)

    def __repr__(self) -> str:
        return f"<a {self.type_name}, which cannot be graded>"


class UngradableValueError(AssertionError):
    """A submission handed over something that is not data (an object of its own class, ...)."""

    def __init__(self, type_name: str) -> None:
        self.type_name = type_name
        super().__init__(ungradable_message(type_name))


def ungradable_message(type_name: str) -> str:
    """In the notebook's language: the one qgrade speaks in this grading process."""
    from qcourse.i18n import _
    from qgrade.i18n import get_language

    return "[invalid_submission] " + _(
        "Your code handed over a {type}, which cannot be graded: return a circuit, a number, "
        "an array, a string or a dict of counts.",
        lang=get_language(),
    ).format(type=type_name)


def type_name(value: Any) -> str:
    cls = type(value)
    module = getattr(cls, "__module__", None) or ""
    name = getattr(cls, "__qualname__", None) or cls.__name__
    return name if module in ("builtins", "__main__", "") else f"{module}.{name}"


_SCALARS = (bool, int, float, str, type(None))


class Codec:
    """Encodes values for the wire and decodes them, with handles for functions.

    `export` turns a local callable into a handle id the other side can call back; `proxy` turns
    a remote handle into a local function that calls over the channel.
    """

    def __init__(
        self,
        export: Callable[[Callable], int] | None = None,
        proxy: Callable[[dict], Callable] | None = None,
        max_depth: int = 40,
        rebuild_backends: bool = False,
    ) -> None:
        self.export = export
        self.proxy = proxy
        self.max_depth = max_depth
        # only the sandbox rebuilds a simulator from its description: there, building one runs
        # nothing the submission could not run itself
        self.rebuild_backends = rebuild_backends

    # -- encoding: exact types only, so a subclass cannot smuggle lying methods across
    def encode(self, value: Any, depth: int = 0) -> Any:
        if depth > self.max_depth:
            return {"$": "ungradable", "type": "deeply nested value"}
        t = type(value)
        if t in _SCALARS:
            if t is int and abs(value) > 1 << 4096:
                return {"$": "ungradable", "type": "gigantic int"}
            return value
        if t is float:
            return value
        if t is complex:
            return {"$": "complex", "re": value.real, "im": value.imag}
        if t is bytes:
            return {"$": "bytes", "b64": base64.b64encode(value).decode()}
        if t in (list, tuple, set, frozenset):
            items = [self.encode(v, depth + 1) for v in value]
            return {"$": t.__name__, "items": items}
        if t is dict:
            items = [
                [self.encode(k, depth + 1), self.encode(v, depth + 1)] for k, v in value.items()
            ]
            return {"$": "dict", "items": items}
        if t is Fraction:
            return {"$": "fraction", "n": value.numerator, "d": value.denominator}
        encoded = _encode_library(value, self, depth)
        if encoded is not None:
            return encoded
        if callable(value) and self.export is not None:
            return {"$": "callable", "id": self.export(value), **describe_callable(value)}
        return {"$": "ungradable", "type": type_name(value)}

    def decode(self, data: Any, depth: int = 0) -> Any:
        if depth > self.max_depth:
            raise ValueError("too deeply nested")
        if data is None or isinstance(data, (bool, int, float, str)):
            return data
        if isinstance(data, list):  # only inside tagged containers
            raise ValueError("untagged list")
        if not isinstance(data, dict):
            raise ValueError(f"unexpected {type(data).__name__}")
        tag = data.get("$")
        if tag == "complex":
            return complex(float(data["re"]), float(data["im"]))
        if tag == "bytes":
            return base64.b64decode(data["b64"])
        if tag in ("list", "tuple", "set", "frozenset"):
            items = [self.decode(v, depth + 1) for v in data["items"]]
            return {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}[tag](items)
        if tag == "dict":
            return {self.decode(k, depth + 1): self.decode(v, depth + 1) for k, v in data["items"]}
        if tag == "fraction":
            return Fraction(int(data["n"]), int(data["d"]))
        if tag == "callable":
            if self.proxy is None:
                return Ungradable("function")
            return self.proxy(data)
        if tag == "ungradable":
            return Ungradable(str(data.get("type", "value"))[:200])
        return _decode_library(tag, data, self, depth)


def describe_callable(fn: Callable) -> dict:
    """Name and signature of a callable, as plain data (defaults only where they are data)."""
    import inspect

    name = str(getattr(fn, "__name__", type(fn).__name__))[:200]
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return {"name": name, "params": None}
    params = []
    for p in sig.parameters.values():
        entry: dict[str, Any] = {"name": p.name, "kind": int(p.kind)}
        if p.default is not p.empty:
            default = Codec().encode(p.default)
            entry["default"] = default
        params.append(entry)
    return {"name": name, "params": params}


def signature_from(description: dict, codec: Codec):
    """An inspect.Signature rebuilt from `describe_callable` data (defaults decoded as data)."""
    import inspect

    params = description.get("params")
    if params is None:
        return None
    out = []
    for entry in params:
        kind = inspect._ParameterKind(int(entry["kind"]))
        default = inspect.Parameter.empty
        if "default" in entry:
            default = codec.decode(entry["default"])
        out.append(inspect.Parameter(str(entry["name"]), kind, default=default))
    try:
        return inspect.Signature(out)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# library types (imported lazily: the sandbox imports them anyway, the trusted side has them)


def _npy(array: Any) -> str:
    import numpy as np

    buf = io.BytesIO()
    np.save(buf, array, allow_pickle=False)
    return base64.b64encode(buf.getvalue()).decode()


def _from_npy(text: str) -> Any:
    import numpy as np

    return np.load(io.BytesIO(base64.b64decode(text)), allow_pickle=False)


def _qpy(circuit: Any) -> str:
    from qiskit import qpy

    buf = io.BytesIO()
    qpy.dump(circuit, buf)
    return base64.b64encode(buf.getvalue()).decode()


def _from_qpy(text: str) -> Any:
    from qiskit import qpy

    [circuit] = qpy.load(io.BytesIO(base64.b64decode(text)))
    return circuit


def _encode_library(value: Any, codec: Codec, depth: int) -> dict | str | None:
    t = type(value)
    module = getattr(t, "__module__", "") or ""
    if module.startswith("numpy"):
        import numpy as np

        if t is np.ndarray:
            if value.dtype.kind not in "biufc" or value.dtype.hasobject:
                return {"$": "ungradable", "type": f"numpy array of {value.dtype}"}
            return {"$": "ndarray", "npy": _npy(value)}
        if isinstance(value, np.generic) and t.__module__ == "numpy":
            if value.dtype.kind in "biufc":
                return {"$": "npscalar", "npy": _npy(np.asarray(value))}
        return None
    if module.startswith(("matplotlib", "qgrade")):
        return _encode_figure(value)
    import qiskit.circuit

    # singleton gates (XGate(), CXGate(), ...) have classes made at run time, without a module
    if not module.startswith("qiskit") and not isinstance(value, qiskit.circuit.Instruction):
        return None
    from qiskit import QuantumCircuit
    from qiskit.circuit import Instruction
    from qiskit.quantum_info import DensityMatrix, Operator, Pauli, SparsePauliOp, Statevector

    if t is QuantumCircuit:
        return {"$": "circuit", "qpy": _qpy(value)}
    if isinstance(value, Instruction):  # QPY keeps its definition, never its Python class
        holder = QuantumCircuit(value.num_qubits, value.num_clbits)
        holder.append(value, range(value.num_qubits), range(value.num_clbits))
        return {"$": "instruction", "qpy": _qpy(holder)}
    if t is Statevector:
        return {"$": "statevector", "data": _npy(value.data), "dims": list(value.dims())}
    if t is DensityMatrix:
        return {"$": "densitymatrix", "data": _npy(value.data), "dims": list(value.dims())}
    if t is Operator:
        return {
            "$": "operator",
            "data": _npy(value.data),
            "in": list(value.input_dims()),
            "out": list(value.output_dims()),
        }
    if t is SparsePauliOp:
        return {
            "$": "sparsepauliop",
            "labels": value.paulis.to_labels(),  # str() of a long Pauli is cut with "..."
            "coeffs": _npy(value.coeffs),
        }
    if t is Pauli:
        return {"$": "pauli", "label": value.to_label()}
    if module == "qiskit.visualization.circuit.text" and t.__name__ == "TextDrawing":
        from qiskit.visualization.circuit.text import TextDrawing

        if t is TextDrawing:  # crosses as the text the learner sees
            from qgrade.figures import drawing_text

            try:
                return drawing_text(value)
            except Exception:
                return {"$": "ungradable", "type": "text drawing that cannot be read"}
    if t.__name__ == "Counts" and isinstance(value, dict):
        return codec.encode(dict(value), depth)
    if t.__name__ == "BitArray":
        return {"$": "bitarray", "array": _npy(value.array), "num_bits": int(value.num_bits)}
    if t.__name__ == "DataBin":
        fields = {str(k): codec.encode(v, depth + 1) for k, v in value.items()}
        return {"$": "databin", "fields": fields, "shape": list(value.shape)}
    if t.__name__ in ("PubResult", "SamplerPubResult"):
        return {
            "$": "pubresult",
            "kind": t.__name__,
            "data": codec.encode(value.data, depth + 1),
            "metadata": codec.encode(dict(value.metadata), depth + 1),
        }
    if t.__name__ == "PrimitiveResult":
        return {
            "$": "primitiveresult",
            "pubs": [codec.encode(p, depth + 1) for p in value],
            "metadata": codec.encode(dict(value.metadata), depth + 1),
        }
    return _encode_backend(value)


def _encode_figure(value: Any) -> dict | None:
    """A matplotlib Figure crosses as what it shows (`qgrade.figures.FigureSummary` data), read
    on the side that made it; nothing of matplotlib is ever rebuilt from what arrives."""
    import sys

    from qgrade.figures import FigureSummary, summarize

    t = type(value)
    if t is FigureSummary:
        return {"$": "figure", "summary": value.to_data()}
    figure_module = sys.modules.get("matplotlib.figure")
    if figure_module is None or t is not figure_module.Figure:
        return None
    try:
        return {"$": "figure", "summary": summarize(value).to_data()}
    except Exception:
        return {"$": "ungradable", "type": "matplotlib figure that cannot be read"}
    finally:
        # a test may call a plotting answer many times: pyplot must not keep them all open
        # (past 20 it warns, and a warning in a graded cell costs its points)
        pyplot = sys.modules.get("matplotlib.pyplot")
        if pyplot is not None:
            try:
                pyplot.close(value)
            except Exception:
                pass


def _decode_figure(data: dict) -> Any:
    from qgrade.figures import FigureSummary

    try:
        return FigureSummary.from_data(data.get("summary"))
    except (ValueError, TypeError, RecursionError):
        return Ungradable("malformed figure summary")


def _encode_backend(value: Any) -> dict | None:
    """A simulator or fake device, as what to build again: an Aer simulator (possibly made from
    a fake device, with or without its noise) or one of qiskit-ibm-runtime's fake devices."""
    t = type(value)
    module = t.__module__ or ""
    if module.startswith("qiskit_ibm_runtime.fake_provider") and t.__name__.startswith("Fake"):
        return {"$": "backend", "fake": t.__name__}
    if t.__name__ == "AerSimulator" and module.startswith("qiskit_aer"):
        name = str(value.name)
        fake = None
        if name.startswith("aer_simulator_from(") and name.endswith(")"):
            fake = _fake_class_for(name[len("aer_simulator_from(") : -1])
            if fake is None:
                return None
        options = {}
        for key in ("method", "seed_simulator", "shots"):
            option = getattr(value.options, key, None)
            if isinstance(option, (int, str)):
                options[key] = option
        return {
            "$": "backend",
            "aer": True,
            "fake": fake,
            "noise": value.options.noise_model is not None,
            "options": options,
        }
    return None


def _fake_class_for(backend_name: str) -> str | None:
    import inspect

    from qiskit_ibm_runtime import fake_provider

    for name, cls in inspect.getmembers(fake_provider, inspect.isclass):
        if getattr(cls, "backend_name", None) == backend_name and name.endswith(("V2", "")):
            if not name.endswith("V2") and hasattr(fake_provider, name + "V2"):
                continue
            return name
    return None


def _rebuild_backend(data: dict) -> Any:
    from qiskit_ibm_runtime import fake_provider

    fake = data.get("fake")
    device = None
    if fake is not None:
        cls = getattr(fake_provider, str(fake), None)
        if not isinstance(cls, type) or not str(fake).startswith("Fake"):
            raise ValueError(f"unknown fake backend {fake!r}")
        device = cls()
    if not data.get("aer"):
        return device
    from qiskit_aer import AerSimulator

    options = {
        k: v for k, v in (data.get("options") or {}).items() if k in ("method", "seed_simulator")
    }
    if device is None:
        return AerSimulator(**options)
    if data.get("noise"):
        return AerSimulator.from_backend(device, **options)
    return AerSimulator.from_backend(device, noise_model=None, **options)


def _decode_library(tag: Any, data: dict, codec: Codec, depth: int) -> Any:
    if tag == "ndarray":
        return _from_npy(data["npy"])
    if tag == "npscalar":
        return _from_npy(data["npy"])[()]
    if tag == "figure":
        return _decode_figure(data)
    if tag == "circuit":
        return _from_qpy(data["qpy"])
    if tag == "instruction":
        return _from_qpy(data["qpy"]).data[0].operation
    from qiskit.quantum_info import DensityMatrix, Operator, Pauli, SparsePauliOp, Statevector

    if tag == "statevector":
        return Statevector(_from_npy(data["data"]), dims=tuple(data["dims"]))
    if tag == "densitymatrix":
        return DensityMatrix(_from_npy(data["data"]), dims=tuple(data["dims"]))
    if tag == "operator":
        return Operator(
            _from_npy(data["data"]), input_dims=tuple(data["in"]), output_dims=tuple(data["out"])
        )
    if tag == "sparsepauliop":
        return SparsePauliOp([str(x) for x in data["labels"]], coeffs=_from_npy(data["coeffs"]))
    if tag == "pauli":
        return Pauli(str(data["label"]))
    if tag == "bitarray":
        from qiskit.primitives import BitArray

        return BitArray(_from_npy(data["array"]), int(data["num_bits"]))
    if tag == "databin":
        from qiskit.primitives import DataBin

        fields = {str(k): codec.decode(v, depth + 1) for k, v in data["fields"].items()}
        return DataBin(**fields, shape=tuple(int(n) for n in data.get("shape", [])))
    if tag == "pubresult":
        from qiskit.primitives import PubResult, SamplerPubResult

        cls = SamplerPubResult if data.get("kind") == "SamplerPubResult" else PubResult
        return cls(codec.decode(data["data"], depth + 1), codec.decode(data["metadata"], depth + 1))
    if tag == "primitiveresult":
        from qiskit.primitives import PrimitiveResult

        pubs = [codec.decode(p, depth + 1) for p in data["pubs"]]
        return PrimitiveResult(pubs, codec.decode(data["metadata"], depth + 1))
    if tag == "backend":
        if not codec.rebuild_backends:
            return Ungradable("backend")
        return _rebuild_backend(data)
    raise ValueError(f"unknown tag {tag!r}")


# ---------------------------------------------------------------------------------------------
# exceptions crossing the channel


def encode_exception(exc: BaseException) -> dict:
    return {
        "type": type(exc).__name__[:100],
        "module": (type(exc).__module__ or "")[:100],
        "message": _safe_str(exc)[:4000],
    }


def _safe_str(exc: BaseException) -> str:
    try:
        return str(exc)
    except Exception:
        return "<unprintable message>"


_PASSTHROUGH = (
    "KeyboardInterrupt",
    "SystemExit",
    "RecursionError",
    "MemoryError",
    "NotImplementedError",
)


def rebuild_exception(data: dict) -> BaseException:
    """The other side's exception as a local one: a builtin class by name, else a look-alike.

    The look-alike keeps the name (so messages say "ValueError", "QiskitError") but is a plain
    Exception subclass made here, never the other side's class.
    """
    name = str(data.get("type", "Exception"))
    message = str(data.get("message", ""))
    cls = getattr(builtins, name, None)
    if isinstance(cls, type) and issubclass(cls, BaseException):
        if issubclass(cls, Exception) or name in _PASSTHROUGH:
            try:
                return cls(message)
            except Exception:
                pass
    if not name.isidentifier():
        name = "Error"
    return type(name, (Exception,), {"__module__": "submission"})(message)

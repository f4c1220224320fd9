"""Times one numpy/scipy operation on matrices written by bench/numpy.ts, for the --numpy benchmark peer.

Usage: python3 numpyPeer.py info
       python3 numpyPeer.py OP RUNS FILE:ROWS:COLS [FILE:ROWS:COLS ...]

Inputs are row-major float64 files (the same seeded matrices the TypeScript side uses). The operation runs once as
a warm-up, then RUNS times; the wall times in ms are printed as JSON. The parent process sets
OPENBLAS_NUM_THREADS=1 (and clears OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE) before starting this script.
"""
import json
import sys
import time

import numpy as np


def info():
    out = {"numpy": np.__version__, "python": sys.version.split()[0]}
    try:
        import scipy

        out["scipy"] = scipy.__version__
    except ImportError:
        out["scipy"] = None
    try:
        from threadpoolctl import threadpool_info

        out["blas"] = [
            {k: p.get(k) for k in ("internal_api", "version", "architecture", "num_threads")}
            for p in threadpool_info()
            if p.get("user_api") == "blas"
        ]
    except ImportError:
        try:
            blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
            out["blas"] = [{"internal_api": blas.get("name"), "version": blas.get("version")}]
        except Exception:  # noqa: BLE001 - best effort description only
            out["blas"] = None
    print(json.dumps(out))


def operation(op, mats):
    if op == "gemm":
        a, b = mats
        return lambda: a @ b
    if op == "eigh":
        (a,) = mats
        return lambda: np.linalg.eigh(a)
    if op == "eigvalsh":
        (a,) = mats
        return lambda: np.linalg.eigvalsh(a)
    if op == "svd":
        (a,) = mats
        return lambda: np.linalg.svd(a, full_matrices=False)
    if op == "eigsh":
        # Top 10 eigenpairs by ARPACK's implicitly restarted Lanczos, to the same relative tolerance as topEigen,
        # from a fixed starting vector.
        from scipy.sparse.linalg import eigsh

        (a,) = mats
        v0 = np.ones(a.shape[0])
        return lambda: eigsh(a, k=10, which="LA", tol=1e-10, v0=v0)
    if op == "eigh-top":
        # Without scipy: the top 10 eigenpairs taken from the full dense eigendecomposition.
        (a,) = mats
        return lambda: np.linalg.eigh(a)
    raise SystemExit(f"unknown operation {op}")


def main():
    if sys.argv[1] == "info":
        info()
        return
    op, runs = sys.argv[1], int(sys.argv[2])
    mats = []
    for spec in sys.argv[3:]:
        path, rows, cols = spec.rsplit(":", 2)
        mats.append(np.fromfile(path, dtype="<f8").reshape(int(rows), int(cols)))
    run = operation(op, mats)
    run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1e3)
    print(json.dumps({"ms": times}))


if __name__ == "__main__":
    main()

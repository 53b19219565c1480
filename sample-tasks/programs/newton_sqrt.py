"""The spec's running example: the square root of a number by Newton-Raphson iteration.

Usage: newton_sqrt.py NUMBER [TOLERANCE]. Prints each step and the answer, and writes the answer to
outputs/sqrt.txt (the session's outputs) when run by an Orrery broker.
"""
import os
import sys


def newton_sqrt(n, tolerance=1e-12):
    if n < 0:
        raise ValueError(f"no real square root of {n}")
    x = n if n > 1 else 1.0
    step = 0
    while abs(x * x - n) > tolerance * max(n, 1.0):
        x = (x + n / x) / 2
        step += 1
        print(f"step {step}: {x!r}")
    return x


def main():
    n = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    tolerance = float(sys.argv[2]) if len(sys.argv) > 2 else 1e-12
    root = newton_sqrt(n, tolerance)
    print(f"sqrt({n}) = {root!r}")
    outputs = os.environ.get("OUTPUTS", "outputs")
    os.makedirs(outputs, exist_ok=True)
    with open(os.path.join(outputs, "sqrt.txt"), "w") as f:
        f.write(f"{root!r}\n")


if __name__ == "__main__":
    main()

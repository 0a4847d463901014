"""What `load_zaken` and the Zaken benchmark share, free of Django so the benchmark client can import it."""
BRONORGANISATIE = "517439943"


def bsn_for(number: int) -> str:
    """The BSN of person `number` of the pool (the benchmark draws from the same pool).

    Eight digits from `number`, then the check digit of the 11-test (weights
    9..2, minus the last digit). A prefix without a check digit 0-9 takes the
    one 5·10⁷ further on, outside any pool this loads.
    """
    digits = [int(c) for c in f"{number % 10**8:08d}"]
    weighted = sum(d * w for d, w in zip(digits, range(9, 1, -1)))
    last = weighted % 11
    if last == 10:
        return bsn_for(number + 10**8 // 2)
    return "".join(map(str, digits)) + str(last)

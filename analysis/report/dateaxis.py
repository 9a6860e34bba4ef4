"""Date axis: the span a figure over time draws, and its ticks.

A figure over time draws at most :data:`MAX_SPAN_YEARS` years: the window of that many years
that holds the most reports (on a tie, the one nearest the median date). A report dated far from the rest
(a placeholder date such as 0001-01-01 or 9999-12-31, a typo such as 2107) would otherwise
stretch the axis over millennia: tens of thousands of empty periods to fill and draw, no
readable tick, and at the ends of the calendar an axis matplotlib cannot pad. Reports outside
the span are not drawn; the figure's alt text says how many and when (:func:`left_out`), and
its CSV keeps them.

Example:
    >>> dates = pd.Series(pd.to_datetime(["2017-01-05", "2018-03-01", "9999-12-31"], format="ISO8601"))
    >>> date_span(dates)
    (Timestamp('2017-01-05 00:00:00'), Timestamp('2018-03-01 00:00:00'))
"""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.ticker import NullLocator

#: Longest span of a figure over time, in years.
MAX_SPAN_YEARS = 100


def date_span(dates, *, weights=None, years: int = MAX_SPAN_YEARS) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last date a figure over time draws (None when no date is known).

    Args:
        dates: the dates (or periods) of the rows.
        weights: what each row counts (reports per period); one each by default.
        years: the widest span drawn.
    """
    d = pd.to_datetime(pd.Series(dates).reset_index(drop=True))
    w = pd.Series(1 if weights is None else weights, index=d.index, dtype="float64")
    known = d.notna()
    d, w = d[known], w[known]
    if d.empty:
        return None
    per_year = w.groupby(d.dt.year.to_numpy()).sum().sort_index()
    ys, counts = per_year.index.to_list(), per_year.to_list()
    cumulative = per_year.cumsum()
    middle = int(per_year.index[(cumulative >= cumulative.iloc[-1] / 2).argmax()])  # the median year
    best, best_at, total, lo = None, 0, 0.0, 0
    for y, c in zip(ys, counts):  # two pointers over the years that hold reports
        total += c
        while y - ys[lo] >= years:
            total -= counts[lo]
            lo += 1
        key = (total, -max(0, ys[lo] - middle, middle - y))  # most reports; on a tie, nearest the median
        if best is None or key > best:
            best, best_at = key, lo
    first_year = ys[best_at]
    inside = (d.dt.year >= first_year) & (d.dt.year < first_year + years)
    return d[inside].min(), d[inside].max()


def in_span(dates, span: tuple[pd.Timestamp, pd.Timestamp] | None) -> pd.Series:
    """Which dates fall in ``span`` (missing dates never do)."""
    d = pd.to_datetime(pd.Series(dates))
    if span is None:
        return pd.Series(False, index=d.index)
    return (d >= span[0]) & (d <= span[1])


def left_out(dates, span, *, weights=None, what: str = "reports") -> str:
    """A sentence for the alt text on the dated rows the span leaves out ("" when none is).

    Example:
        >>> d = pd.Series(pd.to_datetime(["2017-01-05", "2017-02-01", "0001-01-01"], format="ISO8601"))
        >>> left_out(d, date_span(d))
        ' 1 report dated outside 2017-01 to 2017-02 (0001-01-01) is not drawn; the CSV keeps every date.'
    """
    d = pd.to_datetime(pd.Series(dates).reset_index(drop=True))
    w = pd.Series(1 if weights is None else weights, index=d.index)
    out = d.notna() & ~in_span(d, span)
    if not out.any() or span is None:
        return ""
    shown = ", ".join(sorted({day(x) for x in d[out]})[:3])
    n = int(w[out].sum())
    noun, verb = (what[:-1], "is") if n == 1 and what.endswith("s") else (what, "are")
    return (f" {n:,} {noun} dated outside {month(span[0])} to {month(span[1])} ({shown}) {verb} not drawn; "
            "the CSV keeps every date.")


def month(ts) -> str:
    """``YYYY-MM`` with four year digits (``strftime`` writes year 1 as "1")."""
    return f"{ts.year:04d}-{ts.month:02d}"


def day(ts) -> str:
    """``YYYY-MM-DD`` with four year digits.

    Example:
        >>> day(pd.Timestamp("0001-01-01")), month(pd.Timestamp("2017-03-05"))
        ('0001-01-01', '2017-03')
    """
    return f"{month(ts)}-{ts.day:02d}"


def date_axis(ax, first, last) -> None:
    """Plain year (or month) ticks, inside the calendar matplotlib can draw.

    Far cheaper to draw than matplotlib's automatic date ticks. Near the first or last day of
    the calendar (a report dated 0001-01-01 or 9999-12-31) the limits are set here, never before
    the first day or after the last: matplotlib's own padding would fail there.
    """
    first, last = pd.Timestamp(first), pd.Timestamp(last)
    years = max(1, last.year - first.year)
    if years >= 2:
        ax.xaxis.set_major_locator(mdates.YearLocator(base=1 if years <= 4 else 2 if years <= 10 else 5))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    else:
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.xaxis.set_minor_locator(NullLocator())
    keep_in_calendar(ax, first, last)


def keep_in_calendar(ax, first, last) -> None:
    """Set the x limits of a date axis near 0001-01-01 or 9999-12-31 (else leave them to matplotlib)."""
    first, last = pd.Timestamp(first), pd.Timestamp(last)
    pad = pd.Timedelta(days=max(90, (last - first).days // 10))
    low, high = pd.Timestamp("0001-01-01"), pd.Timestamp("9999-12-31")
    if first - low < pad or high - last < pad:
        start = low if first - low < pad else first - pad
        end = high if high - last < pad else last + pad
        ax.set_xlim(mdates.date2num(start.to_pydatetime()), mdates.date2num(end.to_pydatetime()))

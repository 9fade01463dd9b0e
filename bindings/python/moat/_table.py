"""Table: rows of dicts that read well in notebooks and convert to pandas."""

from __future__ import annotations

import html
from typing import Any, Iterable, Mapping, Sequence


def require_pandas() -> Any:
    """Import pandas, or raise ImportError saying how to install it."""
    try:
        import pandas
    except ImportError as error:  # pragma: no cover - pandas is a test dependency
        raise ImportError("moat: DataFrames need pandas (Debian: apt-get install python3-pandas)") from error
    return pandas


def html_table(columns: Sequence[str], rows: Iterable[Sequence[Any]], caption: str = "") -> str:
    """A plain HTML table (escaped), for _repr_html_ without pandas."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row) + "</tr>" for row in rows
    )
    title = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f'<table class="moat">{title}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


class Table(list):
    """A list of rows, each a dict with the same keys (``columns``).

    Iterate it, index it and compare it like a list; ``frame()`` gives a
    ``pandas.DataFrame`` with one column per key (also when there are no rows), and
    notebooks show it as an HTML table.
    """

    def __init__(self, columns: Sequence[str], rows: Iterable[Mapping[str, Any]] = ()) -> None:
        super().__init__(dict(row) for row in rows)
        self.columns: tuple[str, ...] = tuple(columns)

    def frame(self) -> Any:
        """The rows as a ``pandas.DataFrame`` (columns in ``self.columns`` order)."""
        pandas = require_pandas()
        return pandas.DataFrame(list(self), columns=list(self.columns))

    def _repr_html_(self) -> str:
        return html_table(self.columns, ([row.get(c) for c in self.columns] for row in self))

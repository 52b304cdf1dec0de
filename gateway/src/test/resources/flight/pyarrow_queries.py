"""Runs SQL through examples/python/flight_query.py and prints, as JSON, what pyarrow received.

usage: pyarrow_queries.py <examples/python dir> <flight port> <sql>...
"""
import json
import sys

sys.path.insert(0, sys.argv[1])
from flight_query import query  # noqa: E402  (the data scientist's example, as shipped)


def text(value):
    """Values as Python prints them, bytes in hex, NULL as null."""
    if value is None:
        return None
    return value.hex() if isinstance(value, bytes) else str(value)


results = []
for sql in sys.argv[3:]:
    try:
        table = query(sql, port=int(sys.argv[2]), user="data-scientist")
        results.append({
            "schema": [f"{f.name}: {f.type}" + ("" if f.nullable else " not null") for f in table.schema],
            "rows": [[text(value) for value in row.values()] for row in table.to_pylist()],
        })
    except Exception as error:  # pyarrow.flight errors carry the gateway's message
        results.append({"error": type(error).__name__, "message": str(error)})
print(json.dumps(results))

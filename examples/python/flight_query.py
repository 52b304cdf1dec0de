"""Pull the result of a SQL query from Tributary's Arrow Flight SQL door into a pyarrow Table.

    pip install pyarrow            # pandas, polars or duckdb as you like
    python flight_query.py "SELECT * FROM customers.customers LIMIT 5"
    python flight_query.py --host 127.0.0.1 --port 32010 --user me "SELECT ..."

From your own code or a notebook:

    from flight_query import query
    table = query("SELECT c.country, count(*) AS orders FROM orders.orders o"
                  " JOIN customers.customers c ON o.customer_id = c.id GROUP BY c.country")
    df = table.to_pandas()         # or polars.from_arrow(table), duckdb.arrow(table)

Tables are named <domain>.<table>. Any user name is accepted for now; the password is not checked.
"""
import argparse

import pyarrow as pa
import pyarrow.flight as flight

# Flight SQL commands are protobuf messages wrapped in google.protobuf.Any. A query needs only one
# string field, so it is encoded here by hand rather than with generated protobuf classes.
_STATEMENT_QUERY_TYPE = b"type.googleapis.com/arrow.flight.protocol.sql.CommandStatementQuery"


def _varint(value):
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _field(number, payload):
    """A length-delimited protobuf field: tag, length, bytes."""
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def statement_query(sql):
    """The Flight SQL command running `sql`: Any{type_url, CommandStatementQuery{query}}."""
    return _field(1, _STATEMENT_QUERY_TYPE) + _field(2, _field(1, sql.encode("utf-8")))


def query(sql, host="127.0.0.1", port=32010, user="analyst", password=""):
    """Runs `sql` on the gateway and returns the whole result as a pyarrow.Table."""
    client = flight.FlightClient(f"grpc://{host}:{port}")
    try:
        # Basic-auth handshake; the gateway answers with a bearer token for the calls that follow.
        options = flight.FlightCallOptions(headers=[client.authenticate_basic_token(user, password)])
        info = client.get_flight_info(flight.FlightDescriptor.for_command(statement_query(sql)), options)
        # Endpoints carry no location: read them over this same connection.
        tables = [client.do_get(endpoint.ticket, options).read_all() for endpoint in info.endpoints]
        return pa.concat_tables(tables) if len(tables) > 1 else tables[0]
    finally:
        client.close()


def main():
    parser = argparse.ArgumentParser(description="Run SQL on Tributary over Arrow Flight SQL.")
    parser.add_argument("sql")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=32010)
    parser.add_argument("--user", default="analyst")
    parser.add_argument("--password", default="")
    args = parser.parse_args()
    table = query(args.sql, args.host, args.port, args.user, args.password)
    print(", ".join(f"{field.name}: {field.type}" for field in table.schema))
    print(table.slice(0, 20).to_pandas() if _has_pandas() else table.slice(0, 20))
    print(f"{table.num_rows} rows")


def _has_pandas():
    try:
        import pandas  # noqa: F401
        return True
    except ImportError:
        return False


if __name__ == "__main__":
    main()

package io.tributary.bench.tpch;

import io.trino.tpch.TpchTable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The eight TPC-H tables as a DBA would create them, the same in every store: the columns of the
 * specification's DDL (keys {@code INTEGER}, enough up to SF 80; money and quantities
 * {@code DECIMAL(15,2)}), the primary key, and an index on each foreign-key column and each date
 * the queries filter on. Text is {@code VARCHAR}, as the specification allows, so that MariaDB
 * (which strips {@code CHAR} padding) and PostgreSQL (which keeps it) return the same strings.
 */
enum TableLayout {
  REGION("customers", "r_regionkey INTEGER NOT NULL, r_name VARCHAR(25) NOT NULL, r_comment VARCHAR(152) NOT NULL",
      "r_regionkey"),
  NATION("customers", "n_nationkey INTEGER NOT NULL, n_name VARCHAR(25) NOT NULL, n_regionkey INTEGER NOT NULL,"
      + " n_comment VARCHAR(152) NOT NULL", "n_nationkey", "n_regionkey"),
  CUSTOMER("customers", "c_custkey INTEGER NOT NULL, c_name VARCHAR(25) NOT NULL, c_address VARCHAR(40) NOT NULL,"
      + " c_nationkey INTEGER NOT NULL, c_phone VARCHAR(15) NOT NULL, c_acctbal DECIMAL(15,2) NOT NULL,"
      + " c_mktsegment VARCHAR(10) NOT NULL, c_comment VARCHAR(117) NOT NULL", "c_custkey", "c_nationkey"),
  PART("supply", "p_partkey INTEGER NOT NULL, p_name VARCHAR(55) NOT NULL, p_mfgr VARCHAR(25) NOT NULL,"
      + " p_brand VARCHAR(10) NOT NULL, p_type VARCHAR(25) NOT NULL, p_size INTEGER NOT NULL,"
      + " p_container VARCHAR(10) NOT NULL, p_retailprice DECIMAL(15,2) NOT NULL, p_comment VARCHAR(23) NOT NULL",
      "p_partkey"),
  SUPPLIER("supply", "s_suppkey INTEGER NOT NULL, s_name VARCHAR(25) NOT NULL, s_address VARCHAR(40) NOT NULL,"
      + " s_nationkey INTEGER NOT NULL, s_phone VARCHAR(15) NOT NULL, s_acctbal DECIMAL(15,2) NOT NULL,"
      + " s_comment VARCHAR(101) NOT NULL", "s_suppkey", "s_nationkey"),
  PARTSUPP("supply", "ps_partkey INTEGER NOT NULL, ps_suppkey INTEGER NOT NULL, ps_availqty INTEGER NOT NULL,"
      + " ps_supplycost DECIMAL(15,2) NOT NULL, ps_comment VARCHAR(199) NOT NULL", "ps_partkey, ps_suppkey",
      "ps_suppkey"),
  ORDERS("sales", "o_orderkey INTEGER NOT NULL, o_custkey INTEGER NOT NULL, o_orderstatus VARCHAR(1) NOT NULL,"
      + " o_totalprice DECIMAL(15,2) NOT NULL, o_orderdate DATE NOT NULL, o_orderpriority VARCHAR(15) NOT NULL,"
      + " o_clerk VARCHAR(15) NOT NULL, o_shippriority INTEGER NOT NULL, o_comment VARCHAR(79) NOT NULL",
      "o_orderkey", "o_custkey", "o_orderdate"),
  LINEITEM("sales", "l_orderkey INTEGER NOT NULL, l_partkey INTEGER NOT NULL, l_suppkey INTEGER NOT NULL,"
      + " l_linenumber INTEGER NOT NULL, l_quantity DECIMAL(15,2) NOT NULL, l_extendedprice DECIMAL(15,2) NOT NULL,"
      + " l_discount DECIMAL(15,2) NOT NULL, l_tax DECIMAL(15,2) NOT NULL, l_returnflag VARCHAR(1) NOT NULL,"
      + " l_linestatus VARCHAR(1) NOT NULL, l_shipdate DATE NOT NULL, l_commitdate DATE NOT NULL,"
      + " l_receiptdate DATE NOT NULL, l_shipinstruct VARCHAR(25) NOT NULL, l_shipmode VARCHAR(10) NOT NULL,"
      + " l_comment VARCHAR(44) NOT NULL", "l_orderkey, l_linenumber",
      // (l_partkey, l_suppkey) references partsupp; l_orderkey leads the primary key already.
      "l_partkey, l_suppkey", "l_suppkey", "l_shipdate", "l_receiptdate");

  private final String domain;
  private final String columns;
  private final String primaryKey;
  private final List<String> indexes;

  TableLayout(String domain, String columns, String primaryKey, String... indexes) {
    this.domain = domain;
    this.columns = columns;
    this.primaryKey = primaryKey;
    this.indexes = List.of(indexes);
  }

  /** The domain that publishes this table in the split. */
  String domain() {
    return domain;
  }

  String tableName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The table with its primary key: rows arrive in key order, so the key index grows at its end. */
  String createTable() {
    return "CREATE TABLE " + tableName() + " (" + columns + ", PRIMARY KEY (" + primaryKey + "))";
  }

  /** Secondary indexes, built after the load. */
  List<String> createIndexes() {
    return indexes.stream()
        .map(index -> "CREATE INDEX " + tableName() + "_" + index.replace(", ", "_") + " ON " + tableName()
            + " (" + index + ")")
        .toList();
  }

  /** Everything that shapes the loaded table, to tell a load made by an older layout. */
  String definition() {
    return String.join("; ", createTable(), String.join("; ", createIndexes()));
  }

  TpchTable<?> generator() {
    return TpchTable.getTable(tableName());
  }

  static List<TableLayout> ofDomain(String domain) {
    return Arrays.stream(values()).filter(table -> table.domain.equals(domain)).toList();
  }
}

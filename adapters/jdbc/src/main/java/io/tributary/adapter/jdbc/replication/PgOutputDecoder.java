package io.tributary.adapter.jdbc.replication;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads one {@code pgoutput} message (protocol version 1, text tuples) from a replication payload. */
final class PgOutputDecoder {

  private PgOutputDecoder() {}

  static PgOutputMessage decode(ByteBuffer payload) {
    char type = (char) payload.get();
    return switch (type) {
      case 'B' -> new PgOutputMessage.Begin(payload.getLong(), payload.getLong(), payload.getInt());
      case 'C' -> {
        payload.get(); // flags, unused
        yield new PgOutputMessage.Commit(payload.getLong(), payload.getLong(), payload.getLong());
      }
      case 'R' -> relation(payload);
      case 'I' -> {
        int relation = payload.getInt();
        expect(payload, 'N');
        yield new PgOutputMessage.Insert(relation, tuple(payload));
      }
      case 'U' -> update(payload);
      case 'D' -> {
        int relation = payload.getInt();
        char kind = (char) payload.get();
        yield new PgOutputMessage.Delete(relation, kind, tuple(payload));
      }
      case 'T' -> truncate(payload);
      default -> new PgOutputMessage.Ignored(type);
    };
  }

  private static PgOutputMessage relation(ByteBuffer payload) {
    int oid = payload.getInt();
    String namespace = string(payload);
    String name = string(payload);
    payload.get(); // replica identity setting; the key flags of the columns say the same
    int count = payload.getShort();
    List<PgOutputMessage.Column> columns = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean key = (payload.get() & 1) != 0;
      String column = string(payload);
      int typeOid = payload.getInt();
      payload.getInt(); // type modifier
      columns.add(new PgOutputMessage.Column(column, typeOid, key));
    }
    return new PgOutputMessage.Relation(oid, namespace, name, List.copyOf(columns));
  }

  private static PgOutputMessage update(ByteBuffer payload) {
    int relation = payload.getInt();
    char marker = (char) payload.get();
    char oldKind = 0;
    PgOutputMessage.Tuple old = null;
    if (marker == 'K' || marker == 'O') {
      oldKind = marker;
      old = tuple(payload);
      marker = (char) payload.get();
    }
    if (marker != 'N') {
      throw new IllegalStateException("pgoutput Update without its new tuple ('N'), got '" + marker + "'");
    }
    return new PgOutputMessage.Update(relation, oldKind, old, tuple(payload));
  }

  private static PgOutputMessage truncate(ByteBuffer payload) {
    int count = payload.getInt();
    payload.get(); // options: CASCADE, RESTART IDENTITY
    List<Integer> relations = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      relations.add(payload.getInt());
    }
    return new PgOutputMessage.Truncate(List.copyOf(relations));
  }

  private static PgOutputMessage.Tuple tuple(ByteBuffer payload) {
    int count = payload.getShort();
    char[] kinds = new char[count];
    String[] texts = new String[count];
    for (int i = 0; i < count; i++) {
      kinds[i] = (char) payload.get();
      if (kinds[i] == 't') {
        byte[] bytes = new byte[payload.getInt()];
        payload.get(bytes);
        texts[i] = new String(bytes, StandardCharsets.UTF_8);
      } else if (kinds[i] != 'n' && kinds[i] != 'u') {
        throw new IllegalStateException("pgoutput tuple value of kind '" + kinds[i] + "'; only text tuples are asked for");
      }
    }
    return new PgOutputMessage.Tuple(kinds, texts);
  }

  private static void expect(ByteBuffer payload, char expected) {
    char got = (char) payload.get();
    if (got != expected) {
      throw new IllegalStateException("pgoutput message expected '" + expected + "', got '" + got + "'");
    }
  }

  private static String string(ByteBuffer payload) {
    int start = payload.position();
    int end = start;
    while (payload.get(end) != 0) {
      end++;
    }
    String value = new String(payload.array(), payload.arrayOffset() + start, end - start, StandardCharsets.UTF_8);
    payload.position(end + 1);
    return value;
  }
}

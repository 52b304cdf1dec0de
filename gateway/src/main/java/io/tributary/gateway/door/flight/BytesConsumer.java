package io.tributary.gateway.door.flight;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.adapter.jdbc.consumer.BaseConsumer;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * Reads a BINARY or VARBINARY column with {@code getBytes}. arrow-jdbc's own binary consumer reads
 * through {@code getBinaryStream}, which the engine's (Avatica's) result sets do not offer.
 */
final class BytesConsumer extends BaseConsumer<VarBinaryVector> {

  BytesConsumer(VarBinaryVector vector, int column) {
    super(vector, column);
  }

  @Override
  public void consume(ResultSet row) throws SQLException {
    byte[] value = row.getBytes(columnIndexInResultSet);
    if (value != null) {
      vector.setSafe(currentIndex, value);
    }
    currentIndex++;
  }

  @Override
  public void close() {
    vector.close();
  }
}

package io.tributary.adapter.kafka;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

/**
 * Avro's binary decoder over one value, refusing any length or item count larger than the bytes
 * left. Avro allocates what a length prefix claims before it reads the bytes, so without this one
 * corrupt record (say, a length of 1 GB in a 20-byte value) would be an OutOfMemoryError rather
 * than a rejected record. Counts are bounded the same way because each item takes at least one
 * byte, except items of type null, which nobody publishes arrays of.
 */
final class BoundedDecoder extends Decoder {
  private BinaryDecoder in;

  /** Starts reading {@code value} from index {@code from}; the decoder's buffers are reused. */
  void reset(byte[] value, int from) {
    in = DecoderFactory.get().binaryDecoder(value, from, value.length - from, in);
  }

  boolean isEnd() throws IOException {
    return in.isEnd();
  }

  @Override
  public Utf8 readString(Utf8 old) throws IOException {
    int length = length("a string");
    Utf8 result = old == null ? new Utf8() : old;
    result.setByteLength(length);
    in.readFixed(result.getBytes(), 0, length);
    return result;
  }

  @Override
  public String readString() throws IOException {
    return readString(null).toString();
  }

  @Override
  public ByteBuffer readBytes(ByteBuffer old) throws IOException {
    int length = length("bytes");
    ByteBuffer result = old != null && old.capacity() >= length ? old.clear() : ByteBuffer.allocate(length);
    in.readFixed(result.array(), result.arrayOffset(), length);
    return result.limit(length);
  }

  @Override
  public long readArrayStart() throws IOException {
    return items(in.readArrayStart());
  }

  @Override
  public long arrayNext() throws IOException {
    return items(in.arrayNext());
  }

  @Override
  public long skipArray() throws IOException {
    return items(in.skipArray());
  }

  @Override
  public long readMapStart() throws IOException {
    return items(in.readMapStart());
  }

  @Override
  public long mapNext() throws IOException {
    return items(in.mapNext());
  }

  @Override
  public long skipMap() throws IOException {
    return items(in.skipMap());
  }

  private int length(String what) throws IOException {
    long length = in.readLong();
    if (length < 0) {
      throw new IOException(what + " with a negative length (" + length + ")");
    }
    if (length > left()) {
      throw new EOFException("the value ends inside the record (" + what + " of " + length + " bytes, " + left()
          + " left)");
    }
    return (int) length;
  }

  private long items(long count) throws IOException {
    if (count > left()) {
      throw new EOFException("the value ends inside the record (" + count + " items, " + left() + " bytes left)");
    }
    return count;
  }

  private int left() throws IOException {
    return in.inputStream().available();
  }

  // The rest reads fixed sizes or skips without allocating: Avro's own decoder is safe for them.

  @Override
  public void readNull() throws IOException {
    in.readNull();
  }

  @Override
  public boolean readBoolean() throws IOException {
    return in.readBoolean();
  }

  @Override
  public int readInt() throws IOException {
    return in.readInt();
  }

  @Override
  public long readLong() throws IOException {
    return in.readLong();
  }

  @Override
  public float readFloat() throws IOException {
    return in.readFloat();
  }

  @Override
  public double readDouble() throws IOException {
    return in.readDouble();
  }

  @Override
  public void skipString() throws IOException {
    in.skipString();
  }

  @Override
  public void skipBytes() throws IOException {
    in.skipBytes();
  }

  @Override
  public void readFixed(byte[] bytes, int start, int length) throws IOException {
    in.readFixed(bytes, start, length);
  }

  @Override
  public void skipFixed(int length) throws IOException {
    in.skipFixed(length);
  }

  @Override
  public int readEnum() throws IOException {
    return in.readEnum();
  }

  @Override
  public int readIndex() throws IOException {
    return in.readIndex();
  }
}

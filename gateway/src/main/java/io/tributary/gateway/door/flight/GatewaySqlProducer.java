package io.tributary.gateway.door.flight;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.tributary.gateway.engine.Caller;
import io.tributary.gateway.engine.Door;
import io.tributary.gateway.engine.Engine;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.BasicFlightSqlProducer;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionClosePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementResult;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetCrossReference;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetExportedKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetImportedKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetPrimaryKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetXdbcTypeInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetSqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.DoPutPreparedStatementResult;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flight SQL over the engine: statement and prepared-statement queries, cancellation and the
 * catalog commands. It translates the protocol and nothing else; planning, execution and errors
 * are the engine's, as for the JDBC door.
 */
final class GatewaySqlProducer extends BasicFlightSqlProducer {
  private static final Logger LOG = LoggerFactory.getLogger(GatewaySqlProducer.class);

  private final Engine engine;
  private final BufferAllocator allocator;
  private final FlightErrors errors;
  private final OpenQueries queries = new OpenQueries();
  private final ResultStreamer results;
  private final CatalogCommands catalog;
  private final ServerInfo serverInfo;

  GatewaySqlProducer(Engine engine, BufferAllocator allocator, int batchRows) throws SQLException {
    this.engine = engine;
    this.allocator = allocator;
    this.errors = new FlightErrors(engine);
    this.results = new ResultStreamer(allocator, batchRows, errors);
    this.catalog = new CatalogCommands(engine, allocator, errors);
    this.serverInfo = ServerInfo.of(engine);
  }

  // Statements: planned at GetFlightInfo, run by the DoGet of its ticket, once.

  @Override
  public FlightInfo getFlightInfoStatement(CommandStatementQuery command, CallContext context,
      FlightDescriptor descriptor) {
    OpenQuery query = prepare(command.getQuery(), context);
    ByteString handle = queries.add(query);
    LOG.debug("{} planned statement `{}`", context.peerIdentity(), query.sql());
    TicketStatementQuery ticket = TicketStatementQuery.newBuilder().setStatementHandle(handle).build();
    return info(query, descriptor, ticket);
  }

  @Override
  public SchemaResult getSchemaStatement(CommandStatementQuery command, CallContext context,
      FlightDescriptor descriptor) {
    OpenQuery query = prepare(command.getQuery(), context);
    query.retire();
    return new SchemaResult(query.schema());
  }

  /** A ticket that is no protobuf message is the client's mistake; Arrow would answer it as an internal error. */
  @Override
  public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
    try {
      Any.parseFrom(ticket.getBytes());
    } catch (InvalidProtocolBufferException e) {
      listener.error(CallStatus.INVALID_ARGUMENT.withDescription("the ticket is not one this door issued;"
          + " use the ticket of a FlightInfo from GetFlightInfo").toRuntimeException());
      return;
    }
    super.getStream(context, ticket, listener);
  }

  @Override
  public void getStreamStatement(TicketStatementQuery ticket, CallContext context, ServerStreamListener listener) {
    ByteString handle = ticket.getStatementHandle();
    stream(handle, context, listener, () -> queries.close(handle));
  }

  // Prepared statements: kept until closed; the Arrow Flight SQL JDBC driver runs every query as one.

  @Override
  public void createPreparedStatement(ActionCreatePreparedStatementRequest request, CallContext context,
      StreamListener<Result> listener) {
    try {
      OpenQuery query = prepare(request.getQuery(), context);
      ByteString handle = queries.add(query);
      LOG.debug("{} prepared `{}`", context.peerIdentity(), query.sql());
      listener.onNext(new Result(Any.pack(ActionCreatePreparedStatementResult.newBuilder()
          .setPreparedStatementHandle(handle)
          .setDatasetSchema(ByteString.copyFrom(query.schema().serializeAsMessage()))
          .setParameterSchema(ByteString.copyFrom(query.parameters().serializeAsMessage()))
          .build()).toByteArray()));
      listener.onCompleted();
    } catch (RuntimeException e) {
      listener.onError(errors.toClient(e, request.getQuery()));
    }
  }

  @Override
  public void closePreparedStatement(ActionClosePreparedStatementRequest request, CallContext context,
      StreamListener<Result> listener) {
    queries.close(request.getPreparedStatementHandle());
    listener.onCompleted();
  }

  @Override
  public Runnable acceptPutPreparedStatementQuery(CommandPreparedStatementQuery command, CallContext context,
      FlightStream parameters, StreamListener<PutResult> ackStream) {
    return () -> {
      OpenQuery query;
      try {
        query = queries.claim(command.getPreparedStatementHandle());
      } catch (RuntimeException e) {
        ackStream.onError(errors.toClient(e, ""));
        return;
      }
      try {
        int rows = 0;
        while (parameters.next()) {
          rows += parameters.getRoot().getRowCount();
          if (rows > 1) {
            throw CallStatus.INVALID_ARGUMENT.withDescription("got more than one row of parameters;"
                + " bind exactly one row per execution").toRuntimeException();
          }
          if (parameters.getRoot().getRowCount() == 1) {
            query.bind(parameters.getRoot());
          }
        }
        acknowledge(DoPutPreparedStatementResult.newBuilder()
            .setPreparedStatementHandle(command.getPreparedStatementHandle()).build(), ackStream);
      } catch (SQLException | RuntimeException e) {
        ackStream.onError(errors.toClient(e, query.sql()));
      } finally {
        query.end();
      }
    };
  }

  @Override
  public FlightInfo getFlightInfoPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
      FlightDescriptor descriptor) {
    return info(queries.get(command.getPreparedStatementHandle()), descriptor, command);
  }

  @Override
  public SchemaResult getSchemaPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
      FlightDescriptor descriptor) {
    return new SchemaResult(queries.get(command.getPreparedStatementHandle()).schema());
  }

  @Override
  public void getStreamPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
      ServerStreamListener listener) {
    stream(command.getPreparedStatementHandle(), context, listener, () -> { });
  }

  /** Stops the query a FlightInfo leads to; a statement's handle is closed as well. */
  @Override
  public void cancelFlightInfo(CancelFlightInfoRequest request, CallContext context,
      StreamListener<CancelStatus> listener) {
    CancelStatus status = CancelStatus.NOT_CANCELLABLE;
    for (FlightEndpoint endpoint : request.getInfo().getEndpoints()) {
      Any ticket = parse(endpoint.getTicket());
      ByteString handle = handleIn(ticket);
      OpenQuery query = handle == null ? null : queries.find(handle);
      if (query != null) {
        query.cancel();
        if (ticket.is(TicketStatementQuery.class)) {
          queries.close(handle);
        }
        status = CancelStatus.CANCELLED;
      }
    }
    listener.onNext(status);
    listener.onCompleted();
  }

  // Catalog commands.

  @Override
  public void getStreamCatalogs(CallContext context, ServerStreamListener listener) {
    catalog.catalogs(listener);
  }

  @Override
  public void getStreamSchemas(CommandGetDbSchemas command, CallContext context, ServerStreamListener listener) {
    catalog.schemas(command, listener);
  }

  @Override
  public void getStreamTables(CommandGetTables command, CallContext context, ServerStreamListener listener) {
    catalog.tables(command, listener);
  }

  @Override
  public void getStreamTableTypes(CallContext context, ServerStreamListener listener) {
    catalog.tableTypes(listener);
  }

  @Override
  public void getStreamTypeInfo(CommandGetXdbcTypeInfo command, CallContext context, ServerStreamListener listener) {
    catalog.typeInfo(command, listener);
  }

  @Override
  public void getStreamPrimaryKeys(CommandGetPrimaryKeys command, CallContext context,
      ServerStreamListener listener) {
    catalog.primaryKeys(command, listener);
  }

  @Override
  public void getStreamExportedKeys(CommandGetExportedKeys command, CallContext context,
      ServerStreamListener listener) {
    catalog.foreignKeys(Schemas.GET_EXPORTED_KEYS_SCHEMA, listener, meta -> meta.getExportedKeys(
        command.hasCatalog() ? command.getCatalog() : null, command.hasDbSchema() ? command.getDbSchema() : null,
        command.getTable()));
  }

  @Override
  public void getStreamImportedKeys(CommandGetImportedKeys command, CallContext context,
      ServerStreamListener listener) {
    catalog.foreignKeys(Schemas.GET_IMPORTED_KEYS_SCHEMA, listener, meta -> meta.getImportedKeys(
        command.hasCatalog() ? command.getCatalog() : null, command.hasDbSchema() ? command.getDbSchema() : null,
        command.getTable()));
  }

  @Override
  public void getStreamCrossReference(CommandGetCrossReference command, CallContext context,
      ServerStreamListener listener) {
    catalog.foreignKeys(Schemas.GET_CROSS_REFERENCE_SCHEMA, listener, meta -> meta.getCrossReference(
        command.hasPkCatalog() ? command.getPkCatalog() : null,
        command.hasPkDbSchema() ? command.getPkDbSchema() : null,
        command.getPkTable(), command.hasFkCatalog() ? command.getFkCatalog() : null,
        command.hasFkDbSchema() ? command.getFkDbSchema() : null, command.getFkTable()));
  }

  @Override
  public void getStreamSqlInfo(CommandGetSqlInfo command, CallContext context, ServerStreamListener listener) {
    List<Integer> known = serverInfo.known(command.getInfoList());
    if (known.isEmpty() && command.getInfoCount() > 0) {
      catalog.none(Schemas.GET_SQL_INFO_SCHEMA, listener);
    } else {
      serverInfo.send(known, listener);
    }
  }

  /** Catalog commands come back as their own ticket, with no location: the client reuses its connection. */
  @Override
  protected <T extends Message> List<FlightEndpoint> determineEndpoints(T request, FlightDescriptor descriptor,
      org.apache.arrow.vector.types.pojo.Schema schema) {
    return List.of(new FlightEndpoint(new Ticket(Any.pack(request).toByteArray())));
  }

  @Override
  public void close() {
    results.close();
    queries.closeAll();
  }

  private OpenQuery prepare(String sql, CallContext context) {
    try {
      return OpenQuery.prepare(engine, allocator, sql, new Caller(context.peerIdentity(), Door.FLIGHT, ""));
    } catch (SQLException | RuntimeException e) {
      throw errors.toClient(e, sql);
    }
  }

  private static FlightInfo info(OpenQuery query, FlightDescriptor descriptor, Message ticket) {
    FlightEndpoint endpoint = new FlightEndpoint(new Ticket(Any.pack(ticket).toByteArray()));
    return new FlightInfo(query.schema(), descriptor, List.of(endpoint), -1, -1);
  }

  /** Streams the query's rows; its warnings go out as the call's headers ({@link FlightWarnings}). */
  private void stream(ByteString handle, CallContext context, ServerStreamListener listener, Runnable afterwards) {
    OpenQuery query;
    try {
      query = queries.claim(handle);
    } catch (RuntimeException e) {
      listener.error(errors.toClient(e, ""));
      return;
    }
    FlightWarnings warnings = context.getMiddleware(FlightWarnings.KEY);
    results.start(query, listener, afterwards, warnings == null ? ignored -> { } : warnings::set);
  }

  private void acknowledge(Message result, StreamListener<PutResult> ackStream) {
    byte[] bytes = result.toByteArray();
    try (ArrowBuf metadata = allocator.buffer(bytes.length)) {
      metadata.writeBytes(bytes);
      ackStream.onNext(PutResult.metadata(metadata)); // copies the bytes out
    }
    ackStream.onCompleted();
  }

  private static Any parse(Ticket ticket) {
    try {
      return Any.parseFrom(ticket.getBytes());
    } catch (InvalidProtocolBufferException e) {
      return Any.getDefaultInstance();
    }
  }

  /** The statement handle a ticket of this door carries, or null for any other ticket. */
  private static ByteString handleIn(Any ticket) {
    try {
      if (ticket.is(TicketStatementQuery.class)) {
        return ticket.unpack(TicketStatementQuery.class).getStatementHandle();
      }
      if (ticket.is(CommandPreparedStatementQuery.class)) {
        return ticket.unpack(CommandPreparedStatementQuery.class).getPreparedStatementHandle();
      }
    } catch (InvalidProtocolBufferException e) {
      LOG.debug("ignoring a malformed ticket: {}", e.getMessage());
    }
    return null;
  }
}

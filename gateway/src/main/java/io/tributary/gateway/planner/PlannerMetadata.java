package io.tributary.gateway.planner;

import java.util.List;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;

/**
 * The metadata the gateway plans with: Calcite's, with join sizes estimated from the distinct
 * values the stores report. One instance for the process, so Calcite generates its dispatch
 * code once.
 */
public final class PlannerMetadata {
  public static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(List.of(
      ReflectiveRelMetadataProvider.reflectiveSource(new JoinSelectivity(), BuiltInMetadata.Selectivity.Handler.class),
      DefaultRelMetadataProvider.INSTANCE));

  private PlannerMetadata() {}
}

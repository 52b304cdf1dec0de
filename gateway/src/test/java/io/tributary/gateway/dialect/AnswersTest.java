package io.tributary.gateway.dialect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How the dialect tests compare the gateway's values with PostgreSQL's. */
class AnswersTest {

  @Test
  void aDecimalWithFewerDigitsThanPostgresqlPrintsDiffers() {
    assertFalse(Answers.sameValue(new BigDecimal("25.5220058532573370"), new BigDecimal("25.52")));
    assertFalse(Answers.sameValue(new BigDecimal("0.33333333333333333333"), new BigDecimal("0.3333333333333333")));
  }

  @Test
  void aDecimalWithMoreDigitsIsComparedAtPostgresqlsScale() {
    assertTrue(Answers.sameValue(new BigDecimal("25.5220058532573370"), new BigDecimal("25.52200585325733704160")));
    assertTrue(Answers.sameValue(new BigDecimal("212.01"), new BigDecimal("212.0100000000000000")));
    assertFalse(Answers.sameValue(new BigDecimal("25.5220058532573370"), new BigDecimal("25.52200585325733804160")));
  }

  @Test
  void integersOfAnyWidthAndDecimalsCompareByValue() {
    assertTrue(Answers.sameValue(new BigDecimal("2024"), 2024L));
    assertTrue(Answers.sameValue(7, 7L));
    assertFalse(Answers.sameValue(7, 8L));
  }

  @Test
  void nullEqualsOnlyNull() {
    assertTrue(Answers.sameValue(null, null));
    assertFalse(Answers.sameValue(null, 0));
  }
}

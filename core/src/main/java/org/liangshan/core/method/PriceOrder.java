package org.liangshan.core.method;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The order in which an auction fills its bids: price descending, position ascending within a price (a stable
 * sort). Prices are money with a few decimals, so each is almost always an exact whole number of its smallest
 * unit that fits in a long with the bid's position beside it: the order is then one sort of primitive longs
 * (key = the complement of the scaled price, then the position), with no comparator and no boxing. A book whose
 * prices do not fit (more digits than the long leaves room for) is sorted with a comparator, with the same
 * result.
 */
final class PriceOrder {
  private PriceOrder() {}

  /** The first {@code count} positions of {@code positions}, ordered by price descending then position. */
  static int[] descending(int[] positions, int count, BigDecimal[] prices) {
    int[] result = Arrays.copyOf(positions, count);
    if (count < 2) {
      return result;
    }
    int scale = 0;
    for (int k = 0; k < count; k++) {
      scale = Math.max(scale, prices[positions[k]].scale());
    }
    int maxPosition = 0;
    for (int k = 0; k < count; k++) {
      maxPosition = Math.max(maxPosition, positions[k]);
    }
    int positionBits = 32 - Integer.numberOfLeadingZeros(maxPosition);
    int keyBits = 63 - positionBits;
    long maxKey = (1L << keyBits) - 1;
    long[] packed = new long[count];
    for (int k = 0; k < count; k++) {
      BigDecimal price = prices[positions[k]];
      if (price.signum() < 0) {
        return byComparator(result, prices);
      }
      BigInteger unscaled = price.scale() == scale ? price.unscaledValue() : price.setScale(scale).unscaledValue();
      if (unscaled.bitLength() > keyBits) {
        return byComparator(result, prices);
      }
      packed[k] = ((maxKey - unscaled.longValue()) << positionBits) | positions[k];
    }
    Arrays.sort(packed);
    long positionMask = (1L << positionBits) - 1;
    for (int k = 0; k < count; k++) {
      result[k] = (int) (packed[k] & positionMask);
    }
    return result;
  }

  private static int[] byComparator(int[] positions, BigDecimal[] prices) {
    Integer[] boxed = new Integer[positions.length];
    for (int k = 0; k < positions.length; k++) {
      boxed[k] = positions[k];
    }
    // Stable: positions are in ascending order and Arrays.sort on objects keeps equal prices in that order.
    Arrays.sort(boxed, (a, b) -> prices[b].compareTo(prices[a]));
    int[] result = new int[positions.length];
    for (int k = 0; k < positions.length; k++) {
      result[k] = boxed[k];
    }
    return result;
  }
}

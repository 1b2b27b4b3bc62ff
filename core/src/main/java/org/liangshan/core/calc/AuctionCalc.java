package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.optional;
import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldSpec.required;
import static org.liangshan.core.calc.FieldType.ARRAY;
import static org.liangshan.core.calc.FieldType.BOOLEAN;
import static org.liangshan.core.calc.FieldType.INTEGER;
import static org.liangshan.core.calc.FieldType.NUMBER;
import static org.liangshan.core.calc.FieldType.STRING;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.liangshan.core.method.Auction;
import org.liangshan.core.param.ParameterSet;

/** {@code auction}: {@link Auction}, METHODOLOGY.md section 6. */
final class AuctionCalc extends BaseCalcMethod {
  private static final List<String> BID_FIELDS = List.of("bidder", "quantity", "price");

  AuctionCalc() {
    super(
        "auction",
        "Eco-voucher uniform-price sealed-bid auction, single round (section 6)",
        List.of(
            required("supply", INTEGER, "units", "units offered"),
            required("reserve_price", NUMBER, "yuan per unit", "reserve (the benchmark price)"),
            optional("rule", STRING, "", "auction.rule", "lowest_accepted or highest_rejected"),
            optional(
                "tie_seed", INTEGER, "", "auction.tie_seed", "seed of the tie order at the margin"),
            required(
                "bids",
                ARRAY,
                "",
                "[{bidder, quantity (whole units), price}], one bid per bidder")),
        List.of(
            output("clearing_price", NUMBER, "yuan per unit", "price every winner pays"),
            output("sold", INTEGER, "units", "units awarded"),
            output("awards", ARRAY, "", "[{bidder, quantity, price}] in allocation order"),
            output("rejected", ARRAY, "", "[{bidder, reason}] bids that won nothing"),
            output("undersubscribed", BOOLEAN, "", "valid demand below supply"),
            output(
                "tie_order",
                ARRAY,
                "",
                "seeded order of the bidders tied at the margin (logged)")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    List<Auction.Bid> bids = new ArrayList<>();
    for (CalcInput item : in.objects("bids", BID_FIELDS)) {
      String bidder = item.text("bidder");
      long quantity = item.integer("quantity");
      BigDecimal price = item.decimal("price");
      bids.add(item.within(() -> new Auction.Bid(bidder, quantity, price)));
    }
    Auction.Output r =
        Auction.compute(
            new Auction.Input(
                in.integer("supply"),
                in.decimal("reserve_price"),
                Auction.Rule.parse("rule", in.text("rule", params.text("auction.rule"))),
                in.integer("tie_seed", (long) params.number("auction.tie_seed")),
                bids));
    put(out, "clearing_price", r.clearingPrice());
    out.put("sold", r.sold());
    ArrayNode awards = out.putArray("awards");
    for (Auction.Award award : r.awards()) {
      ObjectNode node = awards.addObject();
      node.put("bidder", award.bidder());
      node.put("quantity", award.quantity());
      put(node, "price", award.price());
    }
    ArrayNode rejected = out.putArray("rejected");
    for (Auction.Rejection rejection : r.rejected()) {
      rejected.addObject().put("bidder", rejection.bidder()).put("reason", rejection.reason());
    }
    out.put("undersubscribed", r.undersubscribed());
    ArrayNode tieOrder = out.putArray("tie_order");
    r.tieOrder().forEach(tieOrder::add);
  }
}

package io.orrery.workbench.tradeoff;

import io.orrery.workbench.event.EventBus;
import io.orrery.workbench.event.OfferPicked;
import io.orrery.workbench.event.OffersListed;
import io.orrery.workbench.feature.Controller;
import io.orrery.workbench.feature.Pins;

/**
 * The trade-off plot as a feature: draws the offers the comparison lists ({@link OffersListed}), rings the offer
 * selected elsewhere ({@link OfferPicked}) and says when the user picks a point, so the table and the timeline
 * select it too.
 */
public final class TradeoffController extends Controller {
    static final String PICKED_BY = "tradeoff";

    private final TradeoffViewModel model = new TradeoffViewModel();
    private final TradeoffView view = new TradeoffView(model);
    private final EventBus bus;
    private boolean following;

    public TradeoffController(EventBus bus) {
        this.bus = bus;
    }

    @Override
    protected void onActivate(Pins pins) {
        view.bind(pins);
        bus.last(OffersListed.class).ifPresent(l -> model.show(l.rows()));
        pins.add(bus.subscribe(OffersListed.class, l -> model.show(l.rows())));
        pins.add(bus.subscribe(OfferPicked.class, p -> {
            if (!PICKED_BY.equals(p.by())) {
                following = true;
                try {
                    model.selectedProperty().set(p.uuid());
                } finally {
                    following = false;
                }
            }
        }));
        pins.listen(model.selectedProperty(), (o, was, uuid) -> {
            if (!following) {
                bus.publish(new OfferPicked(uuid, PICKED_BY));
            }
        });
    }

    public TradeoffViewModel model() {
        return model;
    }

    public TradeoffView view() {
        return view;
    }
}

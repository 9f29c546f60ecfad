package com.miniwms.salesorders.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final LocalFunction list = TestFunctions.noop();
    private final LocalFunction one = TestFunctions.noop();
    private final LocalFunction summary = TestFunctions.noop();
    private final LocalFunction proxy = TestFunctions.noop();
    private final LocalFunction any = TestFunctions.noop();
    private final LocalFunction fallback = TestFunctions.noop();

    private final RouteTable table = new RouteTable(List.of(
            HttpRoute.open("ANY", "$default", fallback),
            HttpRoute.open("GET", "/orders/{proxy+}", proxy),
            HttpRoute.open("GET", "/orders/{orderNumber}", one),
            HttpRoute.open("GET", "/orders/summary", summary),
            HttpRoute.open("ANY", "/orders", any),
            HttpRoute.open("GET", "/orders", list)));

    private LocalFunction functionFor(String method, String path) {
        return table.find(method, path).map(m -> m.route().function()).orElse(null);
    }

    @Test
    void theMostSpecificRouteWins() {
        assertThat(functionFor("GET", "/orders/summary")).isSameAs(summary);
        assertThat(functionFor("GET", "/orders/SO-1")).isSameAs(one);
        assertThat(functionFor("GET", "/orders/SO-1/lines")).isSameAs(proxy);
        assertThat(functionFor("GET", "/orders")).isSameAs(list);
        assertThat(functionFor("DELETE", "/orders")).isSameAs(any);
        assertThat(functionFor("POST", "/somewhere/else")).isSameAs(fallback);
    }

    @Test
    void withoutDefaultRouteUnknownPathsAndMethodsMatchNothing() {
        RouteTable strict = new RouteTable(List.of(HttpRoute.open("GET", "/orders/{orderNumber}", one)));

        assertThat(strict.find("GET", "/orders/SO-1")).get()
                .extracting(RouteTable.Match::pathParameters).isEqualTo(Map.of("orderNumber", "SO-1"));
        assertThat(strict.find("POST", "/orders/SO-1")).isEmpty();
        assertThat(strict.find("GET", "/orders/SO-1/")).isEmpty();
        assertThat(strict.find("GET", "/orders/")).isEmpty();
        assertThat(strict.find("GET", "/orders")).isEqualTo(Optional.empty());
    }
}

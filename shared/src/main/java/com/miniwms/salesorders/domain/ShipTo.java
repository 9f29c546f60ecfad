package com.miniwms.salesorders.domain;

/** Where the order ships to. Country is an ISO 3166-1 alpha-2 code once normalised. */
public record ShipTo(
        String name,
        String address1,
        String address2,
        String address3,
        String city,
        String state,
        String postcode,
        String country,
        String phone,
        String email) {

    public ShipTo normalised() {
        return new ShipTo(
                Text.clean(name),
                Text.clean(address1),
                Text.clean(address2),
                Text.clean(address3),
                Text.clean(city),
                Text.clean(state),
                Text.clean(postcode),
                Countries.normalise(Text.clean(country)),
                Text.clean(phone),
                Text.clean(email));
    }
}

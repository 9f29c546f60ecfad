package com.miniwms.salesorders.sync.shopify;

/** The GraphQL documents the Shopify client sends (validated against Shopify's schema by a test). */
public final class ShopifyQueries {
    static final String MONEY = "shopMoney{amount currencyCode}";
    static final String LINE_FIELDS = "id sku title quantity currentQuantity originalUnitPriceSet{" + MONEY + "}";

    /** Orders updated within a range, oldest update first, with their first page of line items. */
    public static final String ORDERS = """
            query Orders($first:Int!,$after:String,$q:String!,$lines:Int!){
              orders(first:$first, after:$after, query:$q, sortKey:UPDATED_AT){
                nodes{ id legacyResourceId name createdAt updatedAt cancelledAt cancelReason test currencyCode
                  totalPriceSet{%1$s} totalTaxSet{%1$s} totalDiscountsSet{%1$s} totalShippingPriceSet{%1$s}
                  email customer{displayName}
                  shippingAddress{name address1 address2 city provinceCode zip countryCodeV2 phone}
                  lineItems(first:$lines){ nodes{ %2$s } pageInfo{hasNextPage endCursor} } }
                pageInfo{hasNextPage endCursor} } }
            """.formatted(MONEY, LINE_FIELDS);

    /** The further line items of one order. */
    public static final String ORDER_LINES = """
            query OrderLines($id:ID!,$after:String,$lines:Int!){
              order(id:$id){ lineItems(first:$lines, after:$after){ nodes{ %s } pageInfo{hasNextPage endCursor} } } }
            """.formatted(LINE_FIELDS);

    private ShopifyQueries() {
    }
}

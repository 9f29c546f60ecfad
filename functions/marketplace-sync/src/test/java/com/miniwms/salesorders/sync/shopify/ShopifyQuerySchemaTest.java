package com.miniwms.salesorders.sync.shopify;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ParseAndValidate;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The query documents the client sends are valid against Shopify's own Admin GraphQL schema, version 2026-07. */
class ShopifyQuerySchemaTest {
    private static GraphQLSchema schema;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void loadSchema() throws Exception {
        Path root = Path.of(System.getProperty("project.root", "."));
        Path file = root.resolve("../shared/fixtures/shopify/admin_2026-07.json.gz").normalize();
        assumeTrue(Files.isRegularFile(file), "Shopify's schema is not at " + file
                + " (the vendor fixtures live beside the clone); skipping the schema checks");
        Map<String, Object> introspection;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            introspection = new ObjectMapper().readValue(in, Map.class);
        }
        Map<String, Object> data = (Map<String, Object>) introspection.getOrDefault("data", introspection);
        Document sdl = new IntrospectionResultToSchema().createSchemaDefinition(data);
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(sdl));
    }

    private static List<ValidationError> validate(String query) {
        return ParseAndValidate.validate(schema, Parser.parse(query));
    }

    @Test
    void theOrdersQueryIsValid() {
        assertThat(validate(ShopifyQueries.ORDERS)).isEmpty();
    }

    @Test
    void theFollowUpLineItemsQueryIsValid() {
        assertThat(validate(ShopifyQueries.ORDER_LINES)).isEmpty();
    }

    @Test
    void aFieldShopifyDoesNotHaveIsCaught() {
        String broken = ShopifyQueries.ORDERS.replace("currentQuantity", "remainingQuantityX");
        assertThat(validate(broken)).extracting(ValidationError::getDescription)
                .anySatisfy(d -> assertThat(d).contains("remainingQuantityX"));
    }

    @Test
    void anArgumentOfTheWrongTypeIsCaught() {
        String broken = ShopifyQueries.ORDERS.replace("$first:Int!", "$first:String!");
        assertThat(validate(broken)).isNotEmpty();
    }
}

package com.miniwms.salesorders.api;

import com.miniwms.salesorders.aws.AwsClients;
import com.miniwms.salesorders.config.ServiceConfig;
import com.miniwms.salesorders.service.OrderService;
import com.miniwms.salesorders.storage.DynamoDbOrderRepository;

import java.time.Clock;

/** The real dependencies, built once per process and shared by the handlers in it. */
final class Services {
    private static volatile OrderService orderService;

    private Services() {
    }

    static OrderService orderService() {
        OrderService service = orderService;
        if (service == null) {
            synchronized (Services.class) {
                service = orderService;
                if (service == null) {
                    ServiceConfig config = ServiceConfig.fromEnvironment();
                    service = new OrderService(
                            new DynamoDbOrderRepository(AwsClients.dynamoDb(), config.tableName()),
                            Clock.systemUTC());
                    orderService = service;
                }
            }
        }
        return service;
    }
}

package com.miniwms.salesorders.http;

import com.miniwms.salesorders.domain.FieldError;

import java.util.List;

/** An RFC 9457 problem details body; {@code errors} lists field problems where there are any. */
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
}

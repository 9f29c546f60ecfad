package com.miniwms.salesorders.http;

import com.miniwms.salesorders.domain.FieldError;

import java.util.List;

/** A request the API refuses before any business rule is reached: bad headers, parameters or body. */
public class HttpException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public HttpException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public HttpException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static HttpException badParameter(String name, String message) {
        return new HttpException(400, "Invalid request", name + " " + message, List.of(new FieldError(name, message)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}

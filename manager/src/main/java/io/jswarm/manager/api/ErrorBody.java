package io.jswarm.manager.api;

/** The one error shape of the API. {@code field} is the input path at fault, absent when none is. */
public record ErrorBody(String error, String field) {}

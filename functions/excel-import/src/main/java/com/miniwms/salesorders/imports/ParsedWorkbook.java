package com.miniwms.salesorders.imports;

import java.util.List;
import java.util.Set;

/**
 * What a workbook holds once read and checked: the orders that passed every rule, the rows that did not, and why.
 *
 * @param valid          orders with no problem, in file order
 * @param rejectedOrders how many orders were rejected (each with at least one error)
 * @param errors         every problem, in sheet and row order
 * @param warnings       things worth knowing that do not stop an order (unknown columns, for example)
 * @param rejectedHeaderRows rows of the header sheet that belong to rejected orders
 * @param rejectedLineRows   rows of the line sheet that belong to rejected orders or to no order
 * @param headerNames    the header sheet's column names as written, by column index
 * @param lineNames      the line sheet's column names as written, by column index
 */
public record ParsedWorkbook(List<ParsedOrder> valid, int rejectedOrders, List<ImportError> errors,
                             List<String> warnings, Set<Integer> rejectedHeaderRows, Set<Integer> rejectedLineRows,
                             List<String> headerNames, List<String> lineNames) {
}

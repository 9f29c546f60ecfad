package com.miniwms.salesorders.imports;

import com.miniwms.salesorders.domain.SalesOrder;

import java.util.List;

/**
 * One order as read from a workbook, with where it came from.
 *
 * @param order      the order, normalised, channel EXCEL
 * @param headerRow  its row in the header sheet
 * @param lineRows   the rows of its lines in the line sheet, in line order
 * @param hasOrderDate whether the file gave the order date (otherwise the import date is used)
 */
public record ParsedOrder(SalesOrder order, int headerRow, List<Integer> lineRows, boolean hasOrderDate) {
}

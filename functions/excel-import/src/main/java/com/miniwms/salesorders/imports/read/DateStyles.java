package com.miniwms.salesorders.imports.read;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import java.util.Arrays;

/** Which cell styles of an .xlsx workbook format numbers as dates, decided once per style. */
final class DateStyles {
    private final StylesTable styles;
    private byte[] known = new byte[64];

    DateStyles(StylesTable styles) {
        this.styles = styles;
    }

    boolean isDate(int styleIndex) {
        if (styles == null || styleIndex <= 0) {
            return false;
        }
        if (styleIndex >= known.length) {
            known = Arrays.copyOf(known, Math.max(styleIndex + 1, known.length * 2));
        }
        if (known[styleIndex] == 0) {
            boolean date = false;
            if (styleIndex < styles.getNumCellStyles()) {
                XSSFCellStyle style = styles.getStyleAt(styleIndex);
                date = style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
            }
            known[styleIndex] = (byte) (date ? 1 : 2);
        }
        return known[styleIndex] == 1;
    }
}

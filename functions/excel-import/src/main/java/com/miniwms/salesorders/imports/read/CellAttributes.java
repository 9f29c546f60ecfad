package com.miniwms.salesorders.imports.read;

import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.typed.TypedValueDecoder;

import javax.xml.stream.XMLStreamException;

/**
 * The attributes of a {@code <c>} element: reference ({@code r}), type ({@code t}) and style ({@code s}). They are
 * decoded straight from the parser's buffer; a sheet has hundreds of thousands of cells, and a String for each
 * attribute value was a large part of the garbage made while reading.
 */
final class CellAttributes {
    /** Excel's last column, XFD. */
    static final int MAX_COLUMNS = 16_384;

    /** The {@code t} attribute; those not listed hold text. */
    enum Type { NUMBER, SHARED_STRING, INLINE_STRING, BOOLEAN, ERROR, TEXT }

    private final ColumnDecoder column = new ColumnDecoder();
    private final TypeDecoder type = new TypeDecoder();
    private final StyleDecoder style = new StyleDecoder();
    private boolean hasColumn;

    /** Reads the attributes of the {@code <c>} element the reader is on. */
    void read(XMLStreamReader2 xml) throws XMLStreamException {
        hasColumn = false;
        type.value = Type.NUMBER;
        style.value = 0;
        for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
            switch (xml.getAttributeLocalName(i)) {
                case "r" -> {
                    xml.getAttributeAs(i, column);
                    hasColumn = true;
                }
                case "t" -> xml.getAttributeAs(i, type);
                case "s" -> xml.getAttributeAs(i, style);
                default -> {
                }
            }
        }
    }

    /** The 0-based column of the reference; -1 when it has no column letters or lies beyond Excel's last column. */
    int column(int otherwise) {
        return hasColumn ? column.value : otherwise;
    }

    Type type() {
        return type.value;
    }

    /** The style index; 0 when none is given, -1 when it is not a number. */
    int style() {
        return style.value;
    }

    /** {@code AB12} to 27. */
    private static final class ColumnDecoder extends StringFreeDecoder {
        int value;

        @Override
        public void decode(char[] buffer, int start, int end) {
            int column = 0;
            for (int i = start; i < end; i++) {
                char c = buffer[i];
                if (c < 'A' || c > 'Z') {
                    break;
                }
                column = column * 26 + (c - 'A' + 1);
                if (column > MAX_COLUMNS) {
                    value = -1;
                    return;
                }
            }
            value = column - 1;
        }

        @Override
        public void handleEmptyValue() {
            value = -1;
        }
    }

    private static final class TypeDecoder extends StringFreeDecoder {
        Type value;

        @Override
        public void decode(char[] buffer, int start, int end) {
            value = end - start == 1 ? switch (buffer[start]) {
                case 'n' -> Type.NUMBER;
                case 's' -> Type.SHARED_STRING;
                case 'b' -> Type.BOOLEAN;
                case 'e' -> Type.ERROR;
                default -> Type.TEXT;
            } : is(buffer, start, end, "inlineStr") ? Type.INLINE_STRING : Type.TEXT;
        }

        @Override
        public void handleEmptyValue() {
            value = Type.TEXT;
        }

        private static boolean is(char[] buffer, int start, int end, String expected) {
            if (end - start != expected.length()) {
                return false;
            }
            for (int i = 0; i < expected.length(); i++) {
                if (buffer[start + i] != expected.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class StyleDecoder extends StringFreeDecoder {
        int value;

        @Override
        public void decode(char[] buffer, int start, int end) {
            int style = 0;
            for (int i = start; i < end; i++) {
                char c = buffer[i];
                if (c < '0' || c > '9' || style > 100_000_000) {
                    value = -1;
                    return;
                }
                style = style * 10 + (c - '0');
            }
            value = style;
        }

        @Override
        public void handleEmptyValue() {
            value = -1;
        }
    }

    /** Decoders that work on the character buffer; the String form is only a fallback of the API. */
    private abstract static class StringFreeDecoder extends TypedValueDecoder {
        @Override
        public void decode(String value) {
            decode(value.toCharArray(), 0, value.length());
        }
    }
}

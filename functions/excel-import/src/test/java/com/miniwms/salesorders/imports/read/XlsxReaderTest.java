package com.miniwms.salesorders.imports.read;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The .xlsx reader on sheet XML written by hand, in the forms Excel and other programs write. */
class XlsxReaderTest {
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    @TempDir
    Path dir;

    private record Row(int number, List<Cell> cells) {
    }

    @Test
    void sharedStringsGiveTheirTextWithRichTextRunsJoinedAndPhoneticRunsLeftOut() throws IOException {
        String strings = "<sst xmlns=\"" + MAIN + "\" count=\"3\" uniqueCount=\"3\">"
                + "<si><t>plain</t></si>"
                + "<si><r><t>Ri</t></r><r><rPr><b/></rPr><t>ch</t></r><rPh sb=\"0\" eb=\"1\"><t>リッチ</t></rPh>"
                + "<phoneticPr fontId=\"1\"/></si>"
                + "<si><t xml:space=\"preserve\"> spaced  out </t></si></sst>";
        List<Row> rows = read(sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                + "<c r=\"C1\" t=\"s\"><v>2</v></c></row>"), strings, false);
        assertThat(texts(rows.get(0))).containsExactly("plain", "Rich", " spaced  out ");
        assertThat(rows.get(0).cells()).allMatch(c -> c.kind() == Cell.Kind.TEXT);
    }

    @Test
    void inlineStringsPlainOrRich() throws IOException {
        List<Row> rows = read(sheet("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>one</t></is></c>"
                + "<c r=\"B2\" t=\"inlineStr\"><is><r><t>tw</t></r><r><t>o</t></r></is></c></row>"), null, false);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(2);
            assertThat(texts(r)).containsExactly("one", "two");
        });
    }

    @Test
    void numbersKeepTheirExactDigitsAsPlainDecimals() throws IOException {
        List<Row> rows = read(sheet("<row r=\"1\">" + cells("1.628437592043E12", "5.0", "12.50", "0.0", "-3", "7",
                "100.0", "0.125", "1E-3", "2.5E+2") + "</row>"), null, false);
        assertThat(texts(rows.get(0))).containsExactly("1628437592043", "5", "12.5", "0", "-3", "7", "100", "0.125",
                "0.001", "250");
        assertThat(rows.get(0).cells()).allMatch(c -> c.kind() == Cell.Kind.NUMBER && !c.dateFormatted());
    }

    @Test
    void datesAreNumbersInTheDateFormatAndThe1904SystemIsMovedTo1900() throws IOException {
        String row = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>46112</v></c><c r=\"B1\"><v>46112</v></c></row>";
        Row in1900 = read(sheet(row), null, false).get(0);
        Row in1904 = read(sheet(row), null, true).get(0);
        assertThat(in1900.cells()).extracting(Cell::text, Cell::dateFormatted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("46112", true),
                        org.assertj.core.groups.Tuple.tuple("46112", false));
        assertThat(in1904.cells()).extracting(Cell::text, Cell::dateFormatted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("47574", true),
                        org.assertj.core.groups.Tuple.tuple("46112", false));
    }

    @Test
    void formulaCellsGiveTheirCachedResult() throws IOException {
        List<Row> rows = read(sheet("<row r=\"1\"><c r=\"A1\" t=\"str\"><f>\"Bo\"&amp;\" Li\"</f><v>Bo Li</v></c>"
                + "<c r=\"B1\"><f>2*3</f><v>6</v></c><c r=\"C1\" t=\"b\"><f>1=1</f><v>1</v></c>"
                + "<c r=\"D1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c><c r=\"E1\"><f>A9</f></c></row>"), null, false);
        assertThat(rows.get(0).cells()).extracting(Cell::kind, Cell::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Cell.Kind.TEXT, "Bo Li"),
                org.assertj.core.groups.Tuple.tuple(Cell.Kind.NUMBER, "6"),
                org.assertj.core.groups.Tuple.tuple(Cell.Kind.BOOLEAN, "TRUE"),
                org.assertj.core.groups.Tuple.tuple(Cell.Kind.ERROR, "#DIV/0!"));
    }

    @Test
    void cellsAreKeptByColumnWithGapsForMissingCellsAndWithoutReferencesInOrder() throws IOException {
        List<Row> rows = read(sheet("<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>b</t></is></c>"
                + "<c r=\"AB3\" s=\"0\"><v>28</v></c></row>"
                + "<row><c t=\"inlineStr\"><is><t>x</t></is></c><c><v>2</v></c><c/></row>"
                + "<row r=\"9\"><c r=\"A9\" s=\"1\"/></row>"), null, false);
        assertThat(rows).extracting(Row::number).containsExactly(3, 4);
        assertThat(rows.get(0).cells()).hasSize(28);
        assertThat(rows.get(0).cells().get(0)).isNull();
        assertThat(rows.get(0).cells().get(1).text()).isEqualTo("b");
        assertThat(rows.get(0).cells().get(27).text()).isEqualTo("28");
        assertThat(texts(rows.get(1))).containsExactly("x", "2");
    }

    @Test
    void aReferenceToASharedStringThatDoesNotExistIsDamage() throws IOException {
        Path file = workbook(sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>"), null, false);
        assertThatThrownBy(() -> WorkbookReader.read(file, collector(new ArrayList<>())))
                .isInstanceOf(BadWorkbookException.class).hasMessageContaining("shared string 5");
    }

    @Test
    void aCellBeyondExcelsLastColumnIsDamage() throws IOException {
        Path file = workbook(sheet("<row r=\"1\"><c r=\"ZZZZZZZ1\"><v>1</v></c></row>"), null, false);
        assertThatThrownBy(() -> WorkbookReader.read(file, collector(new ArrayList<>())))
                .isInstanceOf(BadWorkbookException.class).hasMessageContaining("damaged");
    }

    @Test
    void aDtdInTheSharedStringsIsRefused() throws IOException {
        String strings = "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\">]><sst xmlns=\"" + MAIN
                + "\"><si><t>&a;</t></si></sst>";
        Path file = workbook(sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), strings, false);
        assertThatThrownBy(() -> WorkbookReader.read(file, collector(new ArrayList<>())))
                .isInstanceOf(BadWorkbookException.class).hasMessageContaining("DTD");
    }

    private static String sheet(String rows) {
        return "<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + rows + "</sheetData></worksheet>";
    }

    private static String cells(String... values) {
        StringBuilder xml = new StringBuilder();
        for (String value : values) {
            xml.append("<c><v>").append(value).append("</v></c>");
        }
        return xml.toString();
    }

    private static List<String> texts(Row row) {
        return row.cells().stream().map(c -> c == null ? null : c.text()).toList();
    }

    private List<Row> read(String sheetXml, String sharedStrings, boolean date1904) throws IOException {
        List<Row> rows = new ArrayList<>();
        WorkbookReader.read(workbook(sheetXml, sharedStrings, date1904), collector(rows));
        return rows;
    }

    private static RowSink collector(List<Row> rows) {
        return new RowSink() {
            @Override
            public boolean wants(String sheetName) {
                return sheetName.equals("data");
            }

            @Override
            public void row(String sheetName, int rowNumber, Cell[] cells) {
                rows.add(new Row(rowNumber, Collections.unmodifiableList(Arrays.asList(cells.clone()))));
            }
        };
    }

    /**
     * A workbook made by POI (one sheet "data", style 1 a date format, a shared strings part), with the sheet XML,
     * the shared strings and the date system replaced.
     */
    private Path workbook(String sheetXml, String sharedStrings, boolean date1904) throws IOException {
        Path made = dir.resolve("made.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(made)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            wb.createSheet("data").createRow(0).createCell(0).setCellValue("x");
            wb.write(out);
        }
        Path file = Files.createTempFile(dir, "sheet", ".xlsx");
        Map<String, String> replaced = new java.util.HashMap<>(Map.of("xl/worksheets/sheet1.xml", sheetXml));
        if (sharedStrings != null) {
            replaced.put("xl/sharedStrings.xml", sharedStrings);
        }
        try (ZipFile zip = new ZipFile(made.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (replaced.containsKey(entry.getName())) {
                    out.write(replaced.get(entry.getName()).getBytes(StandardCharsets.UTF_8));
                } else if (entry.getName().equals("xl/workbook.xml") && date1904) {
                    String workbook = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                    out.write(with1904(workbook).getBytes(StandardCharsets.UTF_8));
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return file;
    }

    private static String with1904(String workbook) {
        if (workbook.contains("date1904=\"false\"")) {
            return workbook.replace("date1904=\"false\"", "date1904=\"1\"");
        }
        return workbook.replaceFirst("<sheets", "<workbookPr date1904=\"1\"/><sheets");
    }
}

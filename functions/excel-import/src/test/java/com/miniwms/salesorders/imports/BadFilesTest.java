package com.miniwms.salesorders.imports;

import com.miniwms.salesorders.imports.read.BadWorkbookException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files that cannot be imported at all end with one clear reason, before anything is written. */
class BadFilesTest {
    @TempDir
    Path dir;

    private Path valid() throws IOException {
        return Workbooks.standard(false).order("S1", "A").line("S1", 1, "X", 1).write(dir, "valid.xlsx");
    }

    @Test
    void aTextFileIsNotASpreadsheetWhateverItsName() throws IOException {
        Path file = Files.writeString(dir.resolve("orders.xlsx"), "so_num,ship_to_name\nS1,A\n");
        assertThatThrownBy(() -> WorkbookParser.parse(file)).isInstanceOf(BadWorkbookException.class)
                .hasMessageContaining("not an Excel workbook");
    }

    @Test
    void aWorkbookIsRecognisedByContentNotByName() throws IOException {
        Path file = Files.move(valid(), dir.resolve("orders.csv"));
        org.assertj.core.api.Assertions.assertThat(WorkbookParser.parse(file).valid()).hasSize(1);
    }

    @Test
    void aPasswordProtectedWorkbookIsRefused() throws Exception {
        Path plain = valid();
        Path encrypted = dir.resolve("secret.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs); InputStream in = Files.newInputStream(plain)) {
                in.transferTo(os);
            }
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(out);
            }
        }
        assertThatThrownBy(() -> WorkbookParser.parse(encrypted)).isInstanceOf(BadWorkbookException.class)
                .hasMessageContaining("password-protected");
    }

    @Test
    void aPasswordProtectedXlsWorkbookIsRefused() throws IOException {
        Path plain = Workbooks.standard(true).order("S1", "A").line("S1", 1, "X", 1).write(dir, "plain.xls");
        Path encrypted = dir.resolve("secret.xls");
        try (InputStream in = Files.newInputStream(plain); HSSFWorkbook wb = new HSSFWorkbook(in);
             OutputStream out = Files.newOutputStream(encrypted)) {
            Biff8EncryptionKey.setCurrentUserPassword("secret");
            try {
                wb.write(out);
            } finally {
                Biff8EncryptionKey.setCurrentUserPassword(null);
            }
        }
        assertThatThrownBy(() -> {
            try (InputStream in = Files.newInputStream(encrypted)) {
                new HSSFWorkbook(in).close();
            }
        }).as("POI itself needs the password").isInstanceOf(EncryptedDocumentException.class);

        assertThatThrownBy(() -> WorkbookParser.parse(encrypted)).isInstanceOf(BadWorkbookException.class)
                .hasMessage("The workbook is password-protected; remove the password and upload it again");
    }

    @Test
    void aMacroEnabledWorkbookIsRefused() throws IOException {
        Path macro = copyWithExtra(valid(), "macro.xlsm", "xl/vbaProject.bin", new byte[]{1, 2, 3});
        assertThatThrownBy(() -> WorkbookParser.parse(macro)).isInstanceOf(BadWorkbookException.class)
                .hasMessageContaining("macros");
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        Path bomb = dir.resolve("bomb.xlsx");
        Path valid = valid();
        try (ZipFile zip = new ZipFile(valid.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    out.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                            .getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 64; i++) {
                        out.write(spaces);
                    }
                    out.write("<sheetData/></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        assertThatThrownBy(() -> WorkbookParser.parse(bomb)).isInstanceOf(BadWorkbookException.class)
                .hasMessageContaining("zip bomb");
    }

    @Test
    void anXmlBombIsRefused() throws IOException {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>";
        Path file = replaceEntry(valid(), "xmlbomb.xlsx", "xl/worksheets/sheet1.xml", bomb);
        assertThatThrownBy(() -> WorkbookParser.parse(file)).isInstanceOf(BadWorkbookException.class)
                .hasMessageContaining("DTD");
    }

    @Test
    void aMissingSheetIsNamed() throws IOException {
        Path file = Workbooks.xlsx().rows("salesorder", (Object[]) Workbooks.SAMPLE_HEADERS)
                .rows("Sheet2", "x").write(dir, "one-sheet.xlsx");
        assertThatThrownBy(() -> WorkbookParser.parse(file)).isInstanceOf(BadWorkbookException.class)
                .hasMessageContaining("no sheet named 'salesorderline'");
    }

    @Test
    void aMissingRequiredColumnIsNamedWithBothSpellings() throws IOException {
        Path file = Workbooks.xls().rows("salesorder", (Object[]) Workbooks.SAMPLE_HEADERS)
                .rows("salesorderline", "so_num", "line_number", "qty_ordered").write(dir, "no-item.xls");
        assertThatThrownBy(() -> WorkbookParser.parse(file)).isInstanceOf(BadWorkbookException.class)
                .hasMessageContaining("itm_num or item_number");
    }

    @Test
    void moreThanTwoHundredThousandLineRowsIsRefused() throws IOException {
        Path file = dir.resolve("huge.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            SXSSFSheet orders = wb.createSheet("salesorder");
            String[] h = {"so_num", "ship_to_name"};
            var head = orders.createRow(0);
            for (int i = 0; i < h.length; i++) {
                head.createCell(i).setCellValue(h[i]);
            }
            SXSSFSheet lines = wb.createSheet("salesorderline");
            var lineHead = lines.createRow(0);
            String[] lh = {"so_num", "line_number", "item_number", "qty_ordered"};
            for (int i = 0; i < lh.length; i++) {
                lineHead.createCell(i).setCellValue(lh[i]);
            }
            for (int r = 1; r <= WorkbookParser.MAX_LINE_ROWS + 1; r++) {
                var row = lines.createRow(r);
                row.createCell(0).setCellValue("S1");
                row.createCell(1).setCellValue(r);
                row.createCell(2).setCellValue("X");
                row.createCell(3).setCellValue(1);
            }
            wb.write(out);
        }
        assertThatThrownBy(() -> WorkbookParser.parse(file)).isInstanceOf(BadWorkbookException.class)
                .hasMessageContaining("more than 200000 line rows");
    }

    private Path copyWithExtra(Path source, String name, String entryName, byte[] content) throws IOException {
        Path target = dir.resolve(name);
        try (ZipFile zip = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(entryName));
            out.write(content);
            out.closeEntry();
        }
        return target;
    }

    private Path replaceEntry(Path source, String name, String entryName, String content) throws IOException {
        Path target = dir.resolve(name);
        try (ZipFile zip = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(entryName)) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return target;
    }
}

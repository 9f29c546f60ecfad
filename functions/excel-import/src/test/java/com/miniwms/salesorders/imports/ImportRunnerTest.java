package com.miniwms.salesorders.imports;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.service.OrderService;
import com.miniwms.salesorders.storage.InMemoryOrderRepository;
import com.miniwms.salesorders.storage.OrderQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportRunnerTest {
    @TempDir
    Path dir;

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final InMemoryImportRepository imports = new InMemoryImportRepository();
    private final InMemoryUploadStore store = new InMemoryUploadStore();
    private final List<ImportRecord> announced = new ArrayList<>();
    private final ImportRunner runner = new ImportRunner(
            new ImportService(new OrderService(orders, Clock.systemUTC()), Clock.systemUTC(), 4),
            imports, store, announced::add, Clock.systemUTC());

    private ImportRecord only() {
        assertThat(imports.recent(10)).hasSize(1);
        return imports.recent(10).get(0);
    }

    @Test
    void theSameNotificationDeliveredTwiceImportsOnce() throws IOException {
        store.upload("imports/a.xlsx", Fixtures.workbook("salesorders.xlsx"));
        assertThat(runner.handle("imports/a.xlsx", "seq-1", "ann")).isEqualTo(ImportRunner.Result.IMPORTED);
        assertThat(runner.handle("imports/a.xlsx", "seq-1", "ann")).isEqualTo(ImportRunner.Result.ALREADY_HANDLED);
        ImportRecord record = only();
        assertThat(record.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(record.counts()).isEqualTo(new ImportCounts(3, 0, 0, 0, 4));
        assertThat(record.createdBy()).isEqualTo("ann");
        assertThat(orders.find("SAL0031").map(SalesOrder::createdBy)).contains("ann");
    }

    @Test
    void everyFinishedImportIsAnnouncedAndARedeliveryAnnouncesItAgainUnderTheSameId() throws IOException {
        store.upload("imports/a.xlsx", Fixtures.workbook("salesorders.xlsx"));
        Path notAWorkbook = Files.writeString(dir.resolve("b.xlsx"), "order,qty\nS1,1\n");
        store.upload("imports/b.xlsx", notAWorkbook);

        runner.handle("imports/a.xlsx", "seq-1", "ann");
        runner.handle("imports/b.xlsx", "seq-1", "ann");

        assertThat(announced).extracting(ImportRecord::status)
                .containsExactly(ImportStatus.SUCCEEDED, ImportStatus.FAILED);
        assertThat(announced.get(0).counts()).isEqualTo(new ImportCounts(3, 0, 0, 0, 4));

        runner.handle("imports/a.xlsx", "seq-1", "ann");

        assertThat(announced).hasSize(3);
        assertThat(announced.get(2)).isEqualTo(announced.get(0));
    }

    @Test
    void theSameFileUploadedAgainFindsEveryOrderUnchanged() throws IOException {
        store.upload("imports/a.xlsx", Fixtures.workbook("salesorders.xls"));
        runner.handle("imports/a.xlsx", "seq-1", null);
        assertThat(runner.handle("imports/a.xlsx", "seq-2", null)).isEqualTo(ImportRunner.Result.IMPORTED);
        assertThat(imports.recent(10)).extracting(ImportRecord::counts).containsExactlyInAnyOrder(
                new ImportCounts(3, 0, 0, 0, 4), new ImportCounts(0, 0, 3, 0, 0));
        assertThat(orders.list(new OrderQuery(null, null, null, null, null, 100, null)).items()).hasSize(3);
    }

    @Test
    void filesUnderOtherPrefixesAreIgnored() throws IOException {
        store.upload("reports/a.xlsx", Fixtures.workbook("salesorders.xlsx"));
        assertThat(runner.handle("reports/a.xlsx", "seq", null)).isEqualTo(ImportRunner.Result.IGNORED);
        assertThat(imports.recent(10)).isEmpty();
    }

    @Test
    void aFileOverTwentyMegabytesFailsWithoutBeingRead() throws IOException {
        store.upload("imports/big.xlsx", Fixtures.workbook("salesorders.xlsx"));
        store.reportedSizes.put("imports/big.xlsx", 21L * 1024 * 1024);
        runner.handle("imports/big.xlsx", "s", null);
        ImportRecord record = only();
        assertThat(record.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(record.errors().get(0).message()).contains("limit is 20 MB");
        assertThat(orders.find("SAL0031")).isEmpty();
    }

    @Test
    void aBadFileEndsFailedWithItsReasonAndWritesNothing() throws IOException {
        Path text = Files.writeString(dir.resolve("x.xlsx"), "hello");
        store.upload("imports/x.xlsx", text);
        assertThat(runner.handle("imports/x.xlsx", "s", null)).isEqualTo(ImportRunner.Result.IMPORTED);
        ImportRecord record = only();
        assertThat(record.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(record.errors()).singleElement().satisfies(e ->
                assertThat(e.message()).contains("not an Excel workbook"));
        assertThat(record.finishedAt()).isNotNull();
    }

    @Test
    void theReportWorkbookRoundTripsFixTheRowsUploadTheReportAndTheOrdersImport() throws IOException {
        Path first = Workbooks.standard(false).order("S1", "A").order("S2", "B")
                .line("S1", 1, "1628437592043", 1).line("S2", 1, "Y", "zero").write(dir, "first.xlsx");
        store.upload("imports/first.xlsx", first);
        runner.handle("imports/first.xlsx", "s1", null);
        ImportRecord record = only();
        assertThat(record.status()).isEqualTo(ImportStatus.PARTIALLY_SUCCEEDED);
        assertThat(record.reportKey()).isEqualTo("reports/" + record.importId() + ".xlsx");

        Path report = dir.resolve("report.xlsx");
        Files.write(report, store.objects.get(record.reportKey()));
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(report.toFile())) {
            var lines = wb.getSheet("salesorderline");
            assertThat(lines.getLastRowNum()).isEqualTo(1);
            assertThat(lines.getRow(0).getCell(4).getStringCellValue()).isEqualTo("error");
            assertThat(lines.getRow(1).getCell(4).getStringCellValue()).contains("qty_ordered").contains("zero");
            assertThat(wb.getSheet("salesorder").getRow(1).getCell(0).getStringCellValue()).isEqualTo("S2");
            lines.getRow(1).getCell(3).setCellValue(2);
            try (var out = Files.newOutputStream(dir.resolve("fixed.xlsx"))) {
                wb.write(out);
            }
        }
        store.upload("imports/fixed.xlsx", dir.resolve("fixed.xlsx"));
        runner.handle("imports/fixed.xlsx", "s2", null);
        ImportRecord fixed = imports.recent(10).stream().filter(r -> r.objectKey().equals("imports/fixed.xlsx"))
                .findFirst().orElseThrow();
        assertThat(fixed.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(fixed.counts().ordersCreated()).isEqualTo(1);
        assertThat(fixed.warnings()).anyMatch(w -> w.contains("'error'"));
        assertThat(orders.find("S2").orElseThrow().lines().get(0).quantityOrdered()).isEqualTo(2);
        assertThat(orders.find("S1").orElseThrow().lines().get(0).sku()).isEqualTo("1628437592043");
    }

    @Test
    void theHandlerDecodesKeysAndHandlesEveryRecordOfTheEvent() throws IOException {
        store.upload("imports/March orders(2).xlsx", Fixtures.workbook("salesorders.xlsx"));
        S3Event event = EventLoader.loadS3Event("../../events/excel-import/s3-put-import.json");
        String result = new ExcelImportHandler(runner).handleRequest(event, null);
        assertThat(result).contains("imports/March orders(2).xlsx: IMPORTED").contains("exports/other.xlsx: IGNORED");
        assertThat(only().createdBy()).isEqualTo("AWS:AIDAEXAMPLE:ann");
        assertThat(orders.find("SAL0033")).isPresent();
    }
}

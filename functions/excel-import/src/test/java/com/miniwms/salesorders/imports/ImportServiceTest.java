package com.miniwms.salesorders.imports;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.OrderStatus;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.service.OrderService;
import com.miniwms.salesorders.storage.InMemoryOrderRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ImportServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final InMemoryOrderRepository repository = new InMemoryOrderRepository();
    private final OrderService orders = new OrderService(repository, CLOCK);
    private final ImportService service = new ImportService(orders, CLOCK, 4);

    private ImportRecord claimed(ImportMode mode, boolean dryRun) {
        return ImportRecord.pending("i-1", "w.xlsx", dryRun, mode, CLOCK.instant(), "ann", "imports/w.xlsx")
                .processing(CLOCK.instant());
    }

    private ImportRecord run(Workbooks workbook, ImportMode mode, boolean dryRun) throws IOException {
        return service.run(workbook.write(dir, "w.xlsx"), claimed(mode, dryRun), "ann").record();
    }

    @Test
    void bothFixtureWorkbooksImportThreeOrdersAndFourLinesAsExcelOrdersOfTheUploader() {
        for (String name : new String[]{"salesorders.xlsx", "salesorders.xls"}) {
            InMemoryOrderRepository fresh = new InMemoryOrderRepository();
            ImportService s = new ImportService(new OrderService(fresh, CLOCK), CLOCK, 4);
            ImportRecord record = s.run(Fixtures.workbook(name), claimed(ImportMode.CREATE, false), "ann").record();
            assertThat(record.status()).isEqualTo(ImportStatus.SUCCEEDED);
            assertThat(record.counts()).isEqualTo(new ImportCounts(3, 0, 0, 0, 4));
            SalesOrder order = fresh.find("SAL0031").orElseThrow();
            assertThat(order.channel()).isEqualTo(Channel.EXCEL);
            assertThat(order.createdBy()).isEqualTo("ann");
            assertThat(order.lines()).hasSize(2);
        }
    }

    @Test
    void oneBadRowRejectsOnlyItsOrderAndTheRestIsImported() throws IOException {
        ImportRecord record = run(Workbooks.standard(false).order("S1", "A").order("S2", "B")
                .line("S1", 1, "X", 1).line("S1", 2, "Y", 0).line("S2", 1, "Z", 4), ImportMode.CREATE, false);
        assertThat(record.status()).isEqualTo(ImportStatus.PARTIALLY_SUCCEEDED);
        assertThat(record.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 1));
        assertThat(repository.find("S1")).isEmpty();
        assertThat(repository.find("S2")).isPresent();
        assertThat(record.errors()).singleElement().extracting(ImportError::row).isEqualTo(3);
    }

    @Test
    void importingTheSameFileTwiceCountsEveryOrderUnchangedAndWritesNothingNew() throws IOException {
        Workbooks wb = Workbooks.standard(false).order("S1", "A").line("S1", 1, "X", 1);
        run(wb, ImportMode.CREATE, false);
        long version = repository.find("S1").orElseThrow().version();
        ImportRecord second = run(wb, ImportMode.CREATE, false);
        assertThat(second.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(second.counts()).isEqualTo(new ImportCounts(0, 0, 1, 0, 0));
        assertThat(repository.find("S1").orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void anExistingOrderWithDifferentContentIsAnErrorUnlessUpsert() throws IOException {
        run(Workbooks.standard(false).order("S1", "A").line("S1", 1, "X", 1), ImportMode.CREATE, false);
        Workbooks changed = Workbooks.standard(false).order("S1", "A").line("S1", 1, "X", 7);

        ImportRecord refused = run(changed, ImportMode.CREATE, false);
        assertThat(refused.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(refused.errors()).singleElement().satisfies(e -> {
            assertThat(e.sheet()).isEqualTo("salesorder");
            assertThat(e.value()).isEqualTo("S1");
            assertThat(e.message()).contains("already exists with different content");
        });
        assertThat(repository.find("S1").orElseThrow().lines().get(0).quantityOrdered()).isEqualTo(1);

        ImportRecord upserted = run(changed, ImportMode.UPSERT, false);
        assertThat(upserted.counts()).isEqualTo(new ImportCounts(0, 1, 0, 0, 1));
        assertThat(repository.find("S1").orElseThrow().lines().get(0).quantityOrdered()).isEqualTo(7);
    }

    @Test
    void upsertIsRefusedOnceTheOrderIsNoLongerEditable() throws IOException {
        run(Workbooks.standard(false).order("S1", "A").line("S1", 1, "X", 1), ImportMode.CREATE, false);
        orders.changeStatus("S1", 1, OrderStatus.ALLOCATED, null, "wms");
        ImportRecord record = run(Workbooks.standard(false).order("S1", "A").line("S1", 1, "X", 9),
                ImportMode.UPSERT, false);
        assertThat(record.counts().ordersRejected()).isEqualTo(1);
        assertThat(record.errors().get(0).message()).contains("ALLOCATED");
        assertThat(repository.find("S1").orElseThrow().lines().get(0).quantityOrdered()).isEqualTo(1);
    }

    @Test
    void manyOrdersAreWrittenInRunsAndTakenNumbersAreComparedWhereverTheyFall() throws IOException {
        Workbooks wb = Workbooks.standard(false);
        for (int i = 1; i <= 130; i++) {
            wb.order("G" + i, "Name " + i).line("G" + i, 1, "SKU-" + i, i);
        }
        run(Workbooks.standard(false).order("G7", "Name 7").line("G7", 1, "SKU-7", 7)
                .order("G30", "Other").line("G30", 1, "SKU-30", 30)
                .order("G120", "Other").line("G120", 1, "SKU-120", 120), ImportMode.CREATE, false);

        ImportRecord record = run(wb, ImportMode.CREATE, false);

        assertThat(record.counts()).isEqualTo(new ImportCounts(127, 0, 1, 2, 127));
        assertThat(record.errors()).extracting(ImportError::value).containsExactly("G30", "G120");
        assertThat(repository.find("G130").orElseThrow().lines().get(0).quantityOrdered()).isEqualTo(130);
        assertThat(repository.find("G120").orElseThrow().shipTo().name()).isEqualTo("Other");

        ImportRecord dryUpsert = run(wb, ImportMode.UPSERT, true);

        assertThat(dryUpsert.counts()).isEqualTo(new ImportCounts(0, 2, 128, 0, 2));
        assertThat(repository.find("G30").orElseThrow().shipTo().name()).isEqualTo("Other");
    }

    @Test
    void aDryRunValidatesAndCountsWithoutWritingAnOrder() throws IOException {
        ImportRecord record = run(Workbooks.standard(false).order("S1", "A").order("S2", "B")
                .line("S1", 1, "X", 1).line("S2", 1, "X", -2), ImportMode.CREATE, true);
        assertThat(record.dryRun()).isTrue();
        assertThat(record.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 1));
        assertThat(repository.find("S1")).isEmpty();
    }

    @Test
    void aWorkbookWithOnlyColumnNamesFails() throws IOException {
        ImportRecord record = run(Workbooks.standard(false), ImportMode.CREATE, false);
        assertThat(record.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(record.errors().get(0).message()).contains("no orders");
    }
}

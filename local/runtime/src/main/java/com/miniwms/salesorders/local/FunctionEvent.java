package com.miniwms.salesorders.local;

import com.miniwms.salesorders.local.emulator.SamEvent;

/**
 * One {@code Events} entry together with the function it belongs to.
 *
 * @param function the function
 * @param event the event definition
 */
record FunctionEvent(LocalFunction function, SamEvent event) {
}

package com.miniwms.salesorders.imports.read;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The text of a string item, {@code <si>} or {@code <is>}: plain {@code <t>} or rich-text runs, no phonetic runs. */
final class RichText {
    private RichText() {
    }

    /**
     * Reads from the item's start tag to its end tag.
     *
     * @param runs scratch space for joining several runs; most items have one and need none
     */
    static String read(XMLStreamReader xml, StringBuilder runs) throws XMLStreamException {
        String text = null;
        boolean joined = false;
        int depth = 1;
        boolean phonetic = false;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String local = xml.getLocalName();
                if (local.equals("rPh")) {
                    phonetic = true;
                    depth++;
                } else if (local.equals("t") && !phonetic) {
                    String run = xml.getElementText();
                    if (text == null) {
                        text = run;
                    } else {
                        if (!joined) {
                            runs.setLength(0);
                            runs.append(text);
                            joined = true;
                        }
                        runs.append(run);
                    }
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (xml.getLocalName().equals("rPh")) {
                    phonetic = false;
                }
                depth--;
            }
        }
        return joined ? runs.toString() : text == null ? "" : text;
    }
}

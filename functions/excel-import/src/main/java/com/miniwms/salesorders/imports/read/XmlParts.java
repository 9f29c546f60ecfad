package com.miniwms.salesorders.imports.read;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import java.io.InputStream;

/**
 * Opens the XML parts of an .xlsx package (workbook, shared strings, sheets) with Aalto, a streaming StAX parser
 * several times faster than the JDK's. Chosen by class, not found on the class path, so the settings below are
 * known to apply: no DTD processing, no external entities, and a part that declares a DTD at all is refused
 * (Excel never writes one; it is how XML bombs are built).
 */
final class XmlParts {
    static final String DTD_REFUSED = "The workbook was refused: its XML declares a DTD or entities (possible XML"
            + " bomb), which Excel never writes";

    private static final XMLInputFactory2 FACTORY = factory();

    private XmlParts() {
    }

    private static XMLInputFactory2 factory() {
        XMLInputFactory2 factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /** A reader positioned on the part's root element. @throws BadWorkbookException when the part has a DTD */
    static XMLStreamReader2 open(InputStream in) throws XMLStreamException {
        XMLStreamReader2 xml = (XMLStreamReader2) FACTORY.createXMLStreamReader(in);
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                xml.close();
                throw new BadWorkbookException(DTD_REFUSED);
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                break;
            }
        }
        return xml;
    }
}

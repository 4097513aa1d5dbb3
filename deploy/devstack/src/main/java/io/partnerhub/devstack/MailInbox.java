package io.partnerhub.devstack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The local demo's inbox page (JDK HttpServer on 127.0.0.1, {@value #PORT}): every mail the devstack's SMTP server
 * ({@link MailServer}) received, newest first, and each one's headers, plain text and HTML (shown inert in a sandboxed
 * frame). Local demo only: {@code deploy/run} prints its address and the portal's sign-in page links to it.
 */
public final class MailInbox {

    public static final int PORT = 18025;

    private final MailServer mail;
    private final HttpServer server;

    private MailInbox(MailServer mail, HttpServer server) {
        this.mail = mail;
        this.server = server;
    }

    /** Serves the inbox of {@code mail} on 127.0.0.1:{@code port} (daemon threads). */
    public static MailInbox start(MailServer mail, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        MailInbox inbox = new MailInbox(mail, server);
        server.createContext("/", inbox::handle);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mail-inbox");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return inbox;
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/";
    }

    public void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            List<byte[]> received = mail.received();
            String body;
            int status = 200;
            if ("/".equals(path)) {
                body = list(received);
            } else if (path.matches("/messages/\\d{1,6}") && Integer.parseInt(path.substring(10)) < received.size()) {
                body = message(received.get(Integer.parseInt(path.substring(10))));
            } else {
                status = 404;
                body = page("Not found", "<p>No such message. <a href=\"/\">Back to the inbox</a></p>");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (RuntimeException | MessagingException e) {
            byte[] bytes = ("cannot show the mail: " + e).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String list(List<byte[]> received) throws MessagingException {
        StringBuilder rows = new StringBuilder();
        for (int i = received.size() - 1; i >= 0; i--) {
            MimeMessage m = parse(received.get(i));
            rows.append("<tr><td>").append(escape(String.valueOf(m.getSentDate()))).append("</td><td>")
                    .append(escape(String.join(", ", recipients(m)))).append("</td><td><a href=\"/messages/").append(i)
                    .append("\">").append(escape(m.getSubject())).append("</a></td></tr>\n");
        }
        return page("Local demo inbox", "<p>Every e-mail the suite sent while deploy/run runs (" + received.size()
                + "), newest first. Reload to see new ones.</p><table><thead><tr><th scope=\"col\">Sent</th>"
                + "<th scope=\"col\">To</th><th scope=\"col\">Subject</th></tr></thead><tbody>" + rows + "</tbody></table>");
    }

    private static String message(byte[] raw) throws MessagingException, IOException {
        MimeMessage m = parse(raw);
        MailServer.Bodies bodies = MailServer.bodies(m);
        String text = bodies.text();
        String html = bodies.html();
        StringBuilder headers = new StringBuilder();
        for (String name : List.of("From", "To", "Subject", "Date", "Message-ID", "List-Unsubscribe", "List-Unsubscribe-Post")) {
            String value = m.getHeader(name, ", ");
            if (value != null) {
                headers.append("<tr><th scope=\"row\">").append(name).append("</th><td>").append(escape(value)).append("</td></tr>");
            }
        }
        return page(m.getSubject(), "<p><a href=\"/\">Back to the inbox</a></p><table>" + headers + "</table>"
                + "<h2>Plain text</h2><pre>" + escape(text) + "</pre>"
                + (html.isEmpty() ? "" : "<h2>HTML</h2><iframe title=\"HTML part\" sandbox style=\"width:100%;height:28em\" srcdoc=\""
                        + escape(html) + "\"></iframe>"));
    }

    private static List<String> recipients(MimeMessage m) throws MessagingException {
        return m.getAllRecipients() == null ? List.of() : java.util.Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
    }

    private static MimeMessage parse(byte[] raw) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private static String page(String title, String content) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>body{font-family:sans-serif;margin:2em}td,th{padding:.2em .6em;text-align:left;"
                + "vertical-align:top}pre{white-space:pre-wrap;background:#f4f4f4;padding:1em}</style></head><body><main><h1>"
                + escape(title) + "</h1>" + content + "</main></body></html>";
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}

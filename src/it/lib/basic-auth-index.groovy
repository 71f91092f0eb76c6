// Shared by integration tests' setup.groovy: serves a PEP 503 `file://` tree (built with lib/index.groovy)
// on loopback, answering only requests whose Authorization is Basic user:password (401 otherwise).
// Every request is recorded ('authorized /simple/x/' or 'refused /simple/x/') in the list stored as the
// system property named `requestsProperty`, for verify.groovy; GET /stop stops the server, and it stops by
// itself after ten minutes.
//
//   def port = evaluate(new File(itSources, 'lib/basic-auth-index.groovy'))
//           .serve(root, 'user', 'password', 'smvm.it.my-test.requests')
import com.sun.net.httpserver.HttpHandler
import com.sun.net.httpserver.HttpServer

def serve = { File root, String user, String password, String requestsProperty ->
    def expected = 'Basic ' + "${user}:${password}".bytes.encodeBase64().toString()
    def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
    def requests = Collections.synchronizedList([])
    server.createContext('/', { exchange ->
        try {
            def path = exchange.requestURI.path
            if (path == '/stop') {
                exchange.sendResponseHeaders(200, -1)
                Thread.start { server.stop(0) }
                return
            }
            def authorized = exchange.requestHeaders.getFirst('Authorization') == expected
            requests << "${authorized ? 'authorized' : 'refused'} ${path}".toString()
            if (!authorized) {
                exchange.responseHeaders.add('WWW-Authenticate', 'Basic realm="it"')
                exchange.sendResponseHeaders(401, -1)
                return
            }
            def file = new File(root, path.replaceFirst('^/simple/?', ''))
            if (file.isDirectory()) file = new File(file, 'index.html')
            if (!path.startsWith('/simple/') || !file.isFile() || path.contains('..')) {
                exchange.sendResponseHeaders(404, -1)
                return
            }
            def body = file.bytes
            exchange.responseHeaders.add('Content-Type', file.name.endsWith('.html') ? 'text/html' : 'application/octet-stream')
            exchange.sendResponseHeaders(200, body.length)
            exchange.responseBody.write(body)
        } finally {
            exchange.close()
        }
    } as HttpHandler)
    server.start()
    new Timer(true).schedule({ server.stop(0) } as TimerTask, 10 * 60 * 1000L)
    System.properties.put(requestsProperty, requests)
    return server.address.port
}

return [serve: serve]

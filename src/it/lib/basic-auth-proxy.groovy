// Shared by integration tests' setup.groovy: a forwarding HTTP proxy on loopback for http:// targets
// (absolute-form requests: GET http://host:port/path HTTP/1.1) that answers 407 with Proxy-Authenticate: Basic
// unless Proxy-Authorization is Basic user:password. It forwards the request's Authorization and Accept headers
// (never a Proxy-* header) and answers with the origin's status, Content-Type and body. Every request is
// recorded ('authorized GET http://...' or 'refused GET http://...') in the list stored as the system property
// named `requestsProperty`, for verify.groovy; GET /stop (origin-form) stops it, and it stops by itself after
// ten minutes.
//
//   def port = evaluate(new File(itSources, 'lib/basic-auth-proxy.groovy'))
//           .serve('user', 'password', 'smvm.it.my-test.proxy-requests')
import com.sun.net.httpserver.HttpHandler
import com.sun.net.httpserver.HttpServer

def serve = { String user, String password, String requestsProperty ->
    def expected = 'Basic ' + "${user}:${password}".bytes.encodeBase64().toString()
    def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
    def requests = Collections.synchronizedList([])
    server.createContext('/', { exchange ->
        try {
            def target = exchange.requestURI
            if (!target.isAbsolute()) {
                if (target.path == '/stop') Thread.start { server.stop(0) }
                exchange.sendResponseHeaders(target.path == '/stop' ? 200 : 400, -1)
                return
            }
            def authorized = exchange.requestHeaders.getFirst('Proxy-Authorization') == expected
            requests << "${authorized ? 'authorized' : 'refused'} ${exchange.requestMethod} ${target}".toString()
            if (!authorized) {
                exchange.responseHeaders.add('Proxy-Authenticate', 'Basic realm="it-proxy"')
                exchange.sendResponseHeaders(407, -1)
                return
            }
            def connection = (HttpURLConnection) target.toURL().openConnection(Proxy.NO_PROXY)
            ['Authorization', 'Accept'].each { name ->
                def value = exchange.requestHeaders.getFirst(name)
                if (value != null) connection.setRequestProperty(name, value)
            }
            def status = connection.responseCode
            def body = (status < 400 ? connection.inputStream : connection.errorStream)?.bytes ?: new byte[0]
            def type = connection.getHeaderField('Content-Type')
            if (type != null) exchange.responseHeaders.add('Content-Type', type)
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length)
            if (body.length > 0) exchange.responseBody.write(body)
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

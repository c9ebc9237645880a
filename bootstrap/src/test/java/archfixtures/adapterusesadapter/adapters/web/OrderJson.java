package archfixtures.adapterusesadapter.adapters.web;

public record OrderJson(String id) {
}

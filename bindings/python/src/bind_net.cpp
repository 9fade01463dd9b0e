// net: packets and header-space sets, as read-only values with their C++ spelling.

#include <string>

#include "bindings.hpp"
#include "moat/net/packet.hpp"
#include "moat/net/packet_set.hpp"
#include "moat/net/port_set.hpp"
#include "moat/net/protocol_set.hpp"

namespace py = pybind11;

namespace moat::python {

void bind_net(py::module_& m) {
  using net::Packet;
  py::class_<Packet>(m, "Packet", "One concrete packet header (a witness).")
      .def_property_readonly("source", [](const Packet& p) { return p.source.to_string(); })
      .def_property_readonly("destination", [](const Packet& p) { return p.destination.to_string(); })
      .def_property_readonly("protocol", [](const Packet& p) { return net::protocol_name(p.protocol); },
                             "Protocol name (\"tcp\", \"udp\", \"icmp\", ...).")
      .def_readonly("protocol_number", &Packet::protocol)
      .def_readonly("port", &Packet::port, "Destination port (TCP/UDP) or (type << 8) | code (ICMP).")
      .def("__str__", &Packet::to_string)
      .def("__repr__", [](const Packet& p) { return "<moat Packet " + p.to_string() + ">"; });
  py::class_<net::PacketSet>(m, "PacketSet", "A set of packet headers.")
      .def("__str__", &net::PacketSet::to_string);
  py::class_<net::ProtocolSet>(m, "ProtocolSet", "A set of IP protocols.")
      .def("__str__", &net::ProtocolSet::to_string);
  py::class_<net::PortSet>(m, "PortSet", "A set of ports.")
      .def("__str__", &net::PortSet::to_string);
}

}  // namespace moat::python
